/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-legibility"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bc-layout.h"
#include "bc-reader.h"
#include "legibility.h"
#include "random-case.h"

/* Prints, for each case and view, what makes the picture hard to read
 * and how long laying it out takes; asserts nothing (see README.md). */

typedef void (*MeasureFunc) (BcLayout *layout, Legibility *out, GString *why);

/* One row per view: the lanes on the balanced time scale (the
 * default), on the calendar's and in sequence, and the wheel; a view
 * without a measuring function prints its time only. */
static const struct
{
  const char  *name;
  BcView       view;
  BcTimeScale  time_scale;
  MeasureFunc  measure;
} views[] = {
  { "lanes", BC_VIEW_LANES, BC_TIME_SCALE_BALANCED, legibility_measure_lanes },
  { "cal", BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL, legibility_measure_lanes },
  { "seq", BC_VIEW_LANES, BC_TIME_SCALE_SEQUENCE, legibility_measure_lanes },
  { "wheel", BC_VIEW_WHEEL, BC_TIME_SCALE_BALANCED, legibility_measure_wheel },
};

static int runs = 9;
static int seeds = 20;
static gboolean verbose;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The median time of @runs layouts, in milliseconds, after one that
 * warms the font caches. */
static double
time_layout (BcCase                *c,
             const BcLayoutOptions *options)
{
  g_autofree double *times = g_new (double, runs);

  bc_layout_free (bc_layout_new (c, options));
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      BcLayout *layout = bc_layout_new (c, options);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      bc_layout_free (layout);
    }
  qsort (times, runs, sizeof (double), compare_double);
  return times[runs / 2];
}

static void
add (Legibility       *sum,
     const Legibility *m)
{
  guint *s = (guint *) sum;
  const guint *v = (const guint *) m;

  for (guint i = 0; i < sizeof *sum / sizeof (guint); i++)
    s[i] += v[i];
}

static void
print_header (void)
{
  g_print ("%-22s %-5s %6s %5s %7s %8s %12s %8s %5s %6s %7s %5s %8s %4s %9s\n",
           "case", "view", "events", "cut", "lab-lab", "lab-mark", "line-lab(h)", "line-ttl",
           "paths", "path-x", "wiggles", "off", "lane-inv", "back", "layout-ms");
}

static void
print_row (const char       *name,
           const char       *view,
           const Legibility *m,
           double            ms)
{
  g_autofree char *crossing = NULL;

  if (m == NULL)
    {
      g_print ("%-22s %-5s %6s %5s %7s %8s %12s %8s %5s %6s %7s %5s %8s %4s %9.2f\n",
               name, view, "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", ms);
      return;
    }
  crossing = g_strdup_printf ("%u(%u)", m->line_label, m->line_label_halo);
  g_print ("%-22s %-5s %6u %5u %7u %8u %12s %8u %5u %6u %7u %5u %8u %4u %9.2f\n",
           name, view, m->events, m->cut, m->label_label, m->label_mark, crossing,
           m->line_title, m->storylines, m->story_crossings, m->wiggles, m->story_off,
           m->lane_inversions, m->backwards, ms);
}

static void
bench_case (BcCase     *c,
            const char *name)
{
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      BcLayoutOptions options;
      g_autoptr(BcLayout) layout = NULL;
      g_autoptr(GString) why = verbose ? g_string_new (NULL) : NULL;
      Legibility m;
      double ms;

      bc_layout_options_init (&options);
      options.view = views[v].view;
      options.time_scale = views[v].time_scale;
      ms = time_layout (c, &options);
      if (views[v].measure == NULL)
        {
          print_row (name, views[v].name, NULL, ms);
          continue;
        }
      layout = bc_layout_new (c, &options);
      views[v].measure (layout, &m, why);
      print_row (name, views[v].name, &m, ms);
      if (why != NULL && why->len > 0)
        g_printerr ("%s", why->str);
    }
}

static void
bench_synthetic (void)
{
  RandomCaseSize size = RANDOM_CASE_SIZE_DEFAULT;
  g_autofree char *name = g_strdup_printf ("random 1-%d (sum)", seeds);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      Legibility sum = { 0 };
      double worst = 0;

      for (int seed = 1; seed <= seeds; seed++)
        {
          g_autoptr(BcCase) c = random_case_new (seed, &size);
          BcLayoutOptions options;
          g_autoptr(BcLayout) layout = NULL;
          Legibility m;

          bc_layout_options_init (&options);
          options.view = views[v].view;
          options.time_scale = views[v].time_scale;
      options.time_scale = views[v].time_scale;
          worst = MAX (worst, time_layout (c, &options));
          if (views[v].measure == NULL)
            continue;
          layout = bc_layout_new (c, &options);
          {
            g_autoptr(GString) why = verbose ? g_string_new (NULL) : NULL;

            views[v].measure (layout, &m, why);
            if (why != NULL && why->len > 0)
              g_printerr ("seed %d:\n%s", seed, why->str);
          }
          add (&sum, &m);
        }
      print_row (name, views[v].name, views[v].measure != NULL ? &sum : NULL, worst);
    }
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Layouts timed per case (median)", "N" },
    { "seeds", 's', 0, G_OPTION_ARG_INT, &seeds, "Random cases (seeds 1…N)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Name what each figure counts", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CASE.bcase…");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (1, runs);

  print_header ();
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(BcCase) c = bc_case_read_file (file, argv[i], NULL, &error);
      g_autofree char *base = g_path_get_basename (argv[i]);

      if (c == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      bench_case (c, base);
    }
  if (seeds > 0)
    bench_synthetic ();
  return 0;
}
