/*
 * The physical floor for the side-by-side benchmark: how fast this machine
 * can copy a corpus in memory (memcpy) and count its ASCII digits (the
 * least any digit-driven scanner must do). Built with the system C compiler
 * at -O3 -march=native by compare.py.
 *
 *     floor CORPUS OUT_PREFIX     writes OUT_PREFIX.json
 *
 * The file is read before the clock starts; each measurement repeats until
 * it has run for two seconds or 50 times and the fastest pass counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static size_t count_digits(const unsigned char *p, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += (unsigned char)(p[i] - '0') < 10;
    return c;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor CORPUS OUT_PREFIX\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *src = malloc(n ? n : 1), *dst = malloc(n ? n : 1);
    if (!src || !dst || fread(src, 1, n, f) != (size_t)n) { perror("read"); return 1; }
    fclose(f);
    memset(dst, 1, n); /* fault the pages in before timing */

    double best_copy = 1e30, best_scan = 1e30, total = 0;
    int reps = 0;
    volatile size_t sink = 0;
    for (reps = 0; reps < 50 && (reps == 0 || total < 2.0); reps++) {
        double t0 = now();
        memcpy(dst, src, n);
        double t1 = now();
        sink += dst[n / 2];
        double dt = t1 - t0;
        if (dt < best_copy) best_copy = dt;
        total += dt;
    }
    int reps_scan;
    size_t digits = 0;
    total = 0;
    for (reps_scan = 0; reps_scan < 50 && (reps_scan == 0 || total < 2.0); reps_scan++) {
        double t0 = now();
        digits = count_digits(src, n);
        double t1 = now();
        sink += digits;
        double dt = t1 - t0;
        if (dt < best_scan) best_scan = dt;
        total += dt;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s.json", argv[2]);
    FILE *o = fopen(path, "w");
    if (!o) { perror(path); return 1; }
    fprintf(o, "{\"bytes\": %ld, \"memcpy_seconds\": %.9f, \"memcpy_reps\": %d, "
               "\"digits_seconds\": %.9f, \"digits_reps\": %d, \"digits\": %zu}\n",
            n, best_copy, reps, best_scan, reps_scan, digits);
    fclose(o);
    return (int)(sink & 0); 
}
