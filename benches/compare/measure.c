/*
 * Runs a command and reports its wall time and peak RSS, for the
 * side-by-side benchmark.
 *
 *     measure OUT_JSON COMMAND [ARGS...]
 *
 * Writes {"wall": seconds, "rss_kb": peak RSS, "status": exit code} to
 * OUT_JSON and exits with the command's exit code (128 + signal if it was
 * killed). A process's peak RSS as the kernel reports it starts from the
 * memory of the process it was spawned from (exec keeps the high-water mark
 * of the address space it replaces), so the benchmark driver, which holds
 * corpora, spawns every tool through this small program instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure OUT_JSON COMMAND [ARGS...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) { perror("wait4"); return 2; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int code = WIFEXITED(status) ? WEXITSTATUS(status)
             : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 2;
    FILE *o = fopen(argv[1], "w");
    if (!o) { perror(argv[1]); return 2; }
    fprintf(o, "{\"wall\": %.6f, \"rss_kb\": %ld, \"status\": %d}\n",
            (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9,
            ru.ru_maxrss, code);
    fclose(o);
    return code;
}
