namespace OpenBadges.Issuer.Issuing;

/// <summary>The learner (M1): at least one of id, email, studentNumber. E-mail and student number go into the credential hashed (salted).</summary>
public sealed record LearnerRequest(string? Id, string? Email, string? StudentNumber);
