/*
 * sharpfuzz-bridge: a libFuzzer target whose code under test is a .NET process.
 *
 * libFuzzer links with this file and calls LLVMFuzzerTestOneInput for every input, as with any native target. The
 * code under test runs in a separate .NET process (a SharpFuzz-instrumented build calling Fuzzer.LibFuzzer.Run), so
 * each call hands the input across and waits for the verdict. What the .NET side expects (SharpFuzz 2.3.0):
 *
 *   - environment __LIBFUZZER_SHM_ID: a System V shared memory id it attaches with shmat. The first 65,536 bytes are
 *     the coverage map the instrumented assemblies count edges into; the input follows them.
 *   - environment __LIBFUZZER_CONTROL_PIPE_ID: a file descriptor it reads each input's length from (int32,
 *     little-endian); __LIBFUZZER_STATUS_PIPE_ID: one it writes an int32 status to, 0 once after attaching and then
 *     one per input: 0 for a normal return, 2 when the action let an exception out (after which it stops).
 *
 * The coverage map is not copied: the shared segment's first 65,536 bytes are registered with libFuzzer as one
 * module of 8-bit counters (with a made-up PC table of the same size so that "cov:" counts something), and libFuzzer
 * clears them before each input as it does its own.
 *
 * Flags of our own start with "--", which libFuzzer ignores:
 *   --target=COMMAND    run by /bin/sh -c "exec COMMAND"; e.g. --target="dotnet /tmp/fuzz/OpenBadges.Fuzz.dll json --libfuzzer"
 *   --input-capacity=N  the largest input in bytes (default: libFuzzer's -max_len=, else 1 MiB)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum { COVERAGE_MAP_SIZE = 1 << 16, STATUS_OK = 0, DEFAULT_CAPACITY = 1 << 20 };

/* Provided by libFuzzer: what -fsanitize-coverage=inline-8bit-counters,pc-table code calls from its constructors. */
void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
void __sanitizer_cov_pcs_init(const uintptr_t *start, const uintptr_t *end);

static uint8_t *segment;          /* [coverage map][input] */
static size_t input_capacity;
static int input_length_fd = -1;  /* we write each input's length here */
static int verdict_fd = -1;       /* and read its status here */
static pid_t target_pid;
static uintptr_t fake_pc_table[2 * COVERAGE_MAP_SIZE];

static void die(const char *what)
{
    fprintf(stderr, "sharpfuzz-bridge: %s\n", what);
    exit(1);
}

static void die_errno(const char *what)
{
    fprintf(stderr, "sharpfuzz-bridge: %s: %s\n", what, strerror(errno));
    exit(1);
}

static const char *flag_value(int argc, char **argv, const char *prefix)
{
    size_t length = strlen(prefix);
    for (int i = 1; i < argc; i++)
    {
        if (strncmp(argv[i], prefix, length) == 0)
        {
            return argv[i] + length;
        }
    }

    return NULL;
}

/* Whole reads and writes on a pipe; false when the other end is gone. */
static int write_all(int fd, const void *data, size_t length)
{
    const char *p = data;
    while (length > 0)
    {
        ssize_t n = write(fd, p, length);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }

        if (n <= 0)
        {
            return 0;
        }

        p += n;
        length -= (size_t)n;
    }

    return 1;
}

static int read_all(int fd, void *data, size_t length)
{
    char *p = data;
    while (length > 0)
    {
        ssize_t n = read(fd, p, length);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }

        if (n <= 0)
        {
            return 0;
        }

        p += n;
        length -= (size_t)n;
    }

    return 1;
}

/* The .NET side reads and writes BinaryReader/BinaryWriter int32s: little-endian whatever the host. */
static void put_le32(uint8_t out[4], uint32_t value)
{
    for (int i = 0; i < 4; i++)
    {
        out[i] = (uint8_t)(value >> (8 * i));
    }
}

static int32_t get_le32(const uint8_t in[4])
{
    return (int32_t)((uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24);
}

static int read_status(int32_t *status)
{
    uint8_t bytes[4];
    if (!read_all(verdict_fd, bytes, sizeof bytes))
    {
        return 0;
    }

    *status = get_le32(bytes);
    return 1;
}

static void start_target(const char *command)
{
    int to_target[2], from_target[2];
    if (pipe(to_target) != 0 || pipe(from_target) != 0)
    {
        die_errno("pipe");
    }

    /* Our ends must not leak into the target: it would then never see end-of-file when we are gone. */
    fcntl(to_target[1], F_SETFD, FD_CLOEXEC);
    fcntl(from_target[0], F_SETFD, FD_CLOEXEC);

    pid_t parent = getpid();
    target_pid = fork();
    if (target_pid < 0)
    {
        die_errno("fork");
    }

    if (target_pid == 0)
    {
        /* A timeout or crash ends libFuzzer with _exit; the target must not outlive it. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
        {
            _exit(1);
        }

        char number[32];
        snprintf(number, sizeof number, "%d", to_target[0]);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", number, 1);
        snprintf(number, sizeof number, "%d", from_target[1]);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", number, 1);

        size_t length = strlen(command) + sizeof "exec ";
        char *script = malloc(length);
        if (script == NULL)
        {
            _exit(1);
        }

        snprintf(script, length, "exec %s", command);
        execl("/bin/sh", "sh", "-c", script, (char *)NULL);
        fprintf(stderr, "sharpfuzz-bridge: exec /bin/sh: %s\n", strerror(errno));
        _exit(127);
    }

    close(to_target[0]);
    close(from_target[1]);
    input_length_fd = to_target[1];
    verdict_fd = from_target[0];
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *command = flag_value(*argc, *argv, "--target=");
    if (command == NULL || *command == '\0')
    {
        die("no --target=COMMAND (the SharpFuzz-instrumented .NET harness to run, e.g. "
            "--target=\"dotnet /tmp/fuzz/OpenBadges.Fuzz.dll json --libfuzzer\")");
    }

    const char *capacity = flag_value(*argc, *argv, "--input-capacity=");
    if (capacity == NULL)
    {
        capacity = flag_value(*argc, *argv, "-max_len=");
    }

    input_capacity = capacity != NULL ? strtoull(capacity, NULL, 10) : DEFAULT_CAPACITY;
    if (input_capacity == 0 || input_capacity > (1u << 30))
    {
        die("the input capacity must be between 1 byte and 1 GiB");
    }

    /* A closed pipe must be an error we can report, not a silent SIGPIPE death. */
    signal(SIGPIPE, SIG_IGN);

    int id = shmget(IPC_PRIVATE, COVERAGE_MAP_SIZE + input_capacity, IPC_CREAT | IPC_EXCL | 0600);
    if (id < 0)
    {
        die_errno("shmget");
    }

    segment = shmat(id, NULL, 0);
    if (segment == (void *)-1)
    {
        shmctl(id, IPC_RMID, NULL);
        die_errno("shmat");
    }

    char number[32];
    snprintf(number, sizeof number, "%d", id);
    setenv("__LIBFUZZER_SHM_ID", number, 1);
    start_target(command);
    unsetenv("__LIBFUZZER_SHM_ID");

    /* The target writes one status once it has attached; after that the id can go (the segment lives while attached). */
    int32_t status;
    int attached = read_status(&status);
    shmctl(id, IPC_RMID, NULL);
    if (!attached)
    {
        die("the target ended before it attached to the shared memory (is it built with Fuzzer.LibFuzzer.Run, and "
            "does --target run?)");
    }

    if (status != STATUS_OK)
    {
        die("the target's first status was not 0: is it SharpFuzz's libFuzzer mode?");
    }

    for (size_t i = 0; i < COVERAGE_MAP_SIZE; i++)
    {
        fake_pc_table[2 * i] = 0x10000 + i;  /* any distinct non-zero value; no flags (not a function entry) */
        fake_pc_table[2 * i + 1] = 0;
    }

    __sanitizer_cov_8bit_counters_init(segment, segment + COVERAGE_MAP_SIZE);
    __sanitizer_cov_pcs_init(fake_pc_table, fake_pc_table + 2 * COVERAGE_MAP_SIZE);
    fprintf(stderr, "sharpfuzz-bridge: target pid %d attached; inputs up to %zu bytes\n", (int)target_pid, input_capacity);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > input_capacity)
    {
        return -1;  /* not run, not kept */
    }

    memcpy(segment + COVERAGE_MAP_SIZE, data, size);
    uint8_t length[4];
    put_le32(length, (uint32_t)size);

    int32_t status;
    if (!write_all(input_length_fd, length, sizeof length) || !read_status(&status))
    {
        int code = 0;
        pid_t ended = waitpid(target_pid, &code, WNOHANG);
        if (ended == target_pid && WIFSIGNALED(code))
        {
            fprintf(stderr, "sharpfuzz-bridge: the target died of signal %d on this input\n", WTERMSIG(code));
        }
        else if (ended == target_pid)
        {
            fprintf(stderr, "sharpfuzz-bridge: the target exited with %d on this input\n", WEXITSTATUS(code));
        }
        else
        {
            fprintf(stderr, "sharpfuzz-bridge: the target closed its pipes on this input\n");
        }

        abort();  /* libFuzzer's deadly-signal handler saves the input as crash-* */
    }

    if (status != STATUS_OK)
    {
        fprintf(stderr, "sharpfuzz-bridge: the target reported a failure (status %d; its message is above)\n", status);
        abort();
    }

    return 0;
}
