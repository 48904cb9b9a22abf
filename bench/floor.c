/* bench/floor.c: the parse floor.  Times libxml2's HTML parser alone
 * (htmlReadMemory + xmlFreeDoc, pages in memory) over the files given on
 * the command line; prints one line per page "ms bytes" and a summary line
 * "floor pages=N bytes=B total_s=S peak_rss_kb=K" to stdout.  CPU time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <libxml/HTMLparser.h>

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  double total = 0;
  size_t bytes = 0;
  int pages = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) continue;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); continue; }
    fclose(f);
    double t0 = cpu();
    xmlDocPtr d = htmlReadMemory(buf, (int)n, NULL, NULL,
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (d) xmlFreeDoc(d);
    double dt = cpu() - t0;
    total += dt;
    bytes += (size_t)n;
    pages++;
    printf("%.4f %ld\n", dt * 1000, n);
    free(buf);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("floor pages=%d bytes=%zu total_s=%.6f peak_rss_kb=%ld\n", pages, bytes, total, ru.ru_maxrss);
  return 0;
}
