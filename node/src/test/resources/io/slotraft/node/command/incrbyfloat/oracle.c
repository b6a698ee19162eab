/* Reads "current increment" pairs, one per line, and prints what INCRBYFLOAT answers on x86-64:
 * both parsed with strtold (whole string, no leading space, range errors refused), added in long
 * double, printed with %.17Lf and trailing zeros trimmed. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse(const char *s, long double *out) {
  size_t n = strlen(s);
  if (n == 0 || n >= 5120 || isspace((unsigned char)s[0])) return 0;
  char *end;
  errno = 0;
  long double v = strtold(s, &end);
  if (*end != '\0' || isnan(v)) return 0;
  if (errno == ERANGE && (v == HUGE_VALL || v == -HUGE_VALL || fpclassify(v) == FP_ZERO)) return 0;
  *out = v;
  return 1;
}

int main(void) {
  char line[12000], a[6000], b[6000], buf[6000];
  while (fgets(line, sizeof line, stdin)) {
    if (sscanf(line, "%5999s %5999s", a, b) != 2) continue;
    long double x, y;
    if (!parse(a, &x) || !parse(b, &y)) { printf("%s %s NOTFLOAT\n", a, b); continue; }
    long double r = x + y;
    if (isnan(r) || isinf(r)) { printf("%s %s NOTFINITE\n", a, b); continue; }
    int l = snprintf(buf, sizeof buf, "%.17Lf", r);
    while (buf[l - 1] == '0') l--;
    if (buf[l - 1] == '.') l--;
    buf[l] = '\0';
    if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
    printf("%s %s %s\n", a, b, buf);
  }
  return 0;
}
