using OpenBadges.Cli;

return OpenBadgesCli.Run(args, Console.Out, Console.Error);
