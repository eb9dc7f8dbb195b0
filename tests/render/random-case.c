/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "random-case"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-reader.h"
#include "random-case.h"

static const char * const tracks[] = { "1", "1.5", "2", "3", "4", "5", "6", "7", "8", "9" };
static const char * const event_types[] = {
  "meeting", "negotiation", "workshop", "agreement", "signing", "statement",
  "publication", "visit", "appointment", "violence", "other",
};
static const char * const mechanisms[] = {
  "briefing", "memorandum", "draft-text", "participant-crossover",
  "back-channel-message", "facilitation", "public-statement",
  "public-consultation", "workshop-outcome", "other",
};
static const char * const link_types[] = { "leads-to", "responds-to", "parallel-to" };
/* Short and long words, and words of other scripts, so that labels
 * wrap at different places and measure differently. */
static const char * const words[] = {
  "talks", "channel", "draft", "secret", "envoy", "ceasefire", "mediator",
  "memorandum", "border", "refugees", "security", "guarantee", "settlement",
  "text", "round", "delegation", "track", "Oslo", "Genève", "Sarpsborg",
  "Tbilisi", "Sukhumi", "of", "the", "on", "in", "a", "Declaration",
  "Principles", "intergovernmental", "confidence-building", "Rød-Larsen",
  "Qurei", "القدس", "ירושלים", "Москва", "აფხაზეთი", "naïve",
};

static void
append_date (GString *s,
             GRand   *rng,
             guint32  day)
{
  BcDate d = bc_date_from_julian (day, BC_DATE_PRECISION_DAY);
  double p = g_rand_double (rng);

  if (p < 0.7)
    g_string_append_printf (s, "%04d-%02d-%02d", d.year, d.month, d.day);
  else if (p < 0.9)
    g_string_append_printf (s, "%04d-%02d", d.year, d.month);
  else
    g_string_append_printf (s, "%04d", d.year);
}

static void
append_title (GString *s,
              GRand   *rng,
              int      lo,
              int      hi)
{
  int n = g_rand_int_range (rng, lo, hi + 1);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (words[g_rand_int_range (rng, 0, G_N_ELEMENTS (words))], -1);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, escaped);
    }
}

char *
random_case_xml (guint32               seed,
                 const RandomCaseSize *size)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  GString *s = g_string_new (NULL);
  guint32 first = bc_date_get_first_day ((BcDate) { 1990, 1, 1 });
  guint32 span = MAX (1, size->years) * 365;
  g_autofree int *event_track = g_new0 (int, size->n_events + 1);
  /* A handful of tracks carry most events, as in real cases. */
  int busy[4];

  for (guint i = 0; i < G_N_ELEMENTS (busy); i++)
    busy[i] = g_rand_int_range (rng, 0, G_N_ELEMENTS (tracks));

  g_string_append_printf (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<case version=\"1\" id=\"random-%u\" xml:lang=\"en\">\n"
                             "  <title>Random case %u</title>\n  <actors>\n", seed, seed);
  for (guint a = 0; a < size->n_actors; a++)
    {
      guint32 day = first + g_rand_int_range (rng, 0, span);
      int n_positions = g_rand_int_range (rng, 0, 4);
      int track = busy[g_rand_int_range (rng, 0, G_N_ELEMENTS (busy))];

      g_string_append_printf (s, "    <actor id=\"actor-%u\" track=\"%s\" type=\"person\">\n      <name>",
                              a, tracks[track]);
      append_title (s, rng, 1, 3);
      g_string_append (s, "</name>\n");
      for (int p = 0; p < n_positions; p++)
        {
          guint32 end = day + g_rand_int_range (rng, 20, span / 2 + 21);
          int next;

          g_string_append_printf (s, "      <position track=\"%s\"", tracks[track]);
          if (p > 0 || g_rand_double (rng) < 0.8)
            {
              g_string_append (s, " from=\"");
              append_date (s, rng, day);
              g_string_append_c (s, '"');
            }
          if (p + 1 < n_positions || g_rand_double (rng) < 0.7)
            {
              BcDate to = bc_date_from_julian (end, BC_DATE_PRECISION_DAY);

              g_string_append_printf (s, " to=\"%04d-%02d-%02d\"", to.year, to.month, to.day);
            }
          g_string_append (s, "/>\n");
          /* The next position follows at once, or after a gap. */
          day = end + (g_rand_double (rng) < 0.6 ? 1 : g_rand_int_range (rng, 30, 300));
          do
            next = busy[g_rand_int_range (rng, 0, G_N_ELEMENTS (busy))];
          while (next == track && g_rand_double (rng) < 0.9);
          track = next;
        }
      g_string_append (s, "    </actor>\n");
    }
  g_string_append (s, "  </actors>\n  <events>\n");
  for (guint e = 0; e < size->n_events; e++)
    {
      guint32 day = first + g_rand_int_range (rng, 0, span);

      event_track[e] = g_rand_double (rng) < 0.8 ? busy[g_rand_int_range (rng, 0, G_N_ELEMENTS (busy))]
                                                 : g_rand_int_range (rng, 0, G_N_ELEMENTS (tracks));
      g_string_append_printf (s, "    <event id=\"event-%u\" track=\"%s\" type=\"%s\" date=\"", e,
                              tracks[event_track[e]],
                              event_types[g_rand_int_range (rng, 0, G_N_ELEMENTS (event_types))]);
      append_date (s, rng, day);
      g_string_append_c (s, '"');
      if (g_rand_double (rng) < 0.15)
        {
          BcDate end = bc_date_from_julian (day + 400 + g_rand_int_range (rng, 0, 200), BC_DATE_PRECISION_DAY);

          g_string_append_printf (s, " end=\"%04d-%02d-%02d\"", end.year, end.month, end.day);
        }
      g_string_append (s, ">\n      <title>");
      append_title (s, rng, 1, g_rand_double (rng) < 0.2 ? 16 : 7);
      g_string_append (s, "</title>\n");
      for (int p = g_rand_int_range (rng, 0, 3); p > 0 && size->n_actors > 0; p--)
        g_string_append_printf (s, "      <participant ref=\"actor-%u\"/>\n",
                                g_rand_int_range (rng, 0, size->n_actors));
      g_string_append (s, "    </event>\n");
    }
  g_string_append (s, "  </events>\n  <links>\n");
  for (guint i = 0; i < size->n_links && size->n_events > 1; i++)
    {
      guint a = g_rand_int_range (rng, 0, size->n_events);
      guint b = (a + 1 + g_rand_int_range (rng, 0, size->n_events - 1)) % size->n_events;

      g_string_append_printf (s, "    <link from=\"event-%u\" to=\"event-%u\" type=\"%s\"/>\n", a, b,
                              link_types[g_rand_int_range (rng, 0, G_N_ELEMENTS (link_types))]);
    }
  g_string_append (s, "  </links>\n  <transfers>\n");
  for (guint i = 0; i < size->n_transfers && size->n_events > 1; i++)
    {
      guint a = g_rand_int_range (rng, 0, size->n_events);
      guint b = a;

      for (int tries = 0; tries < 50 && event_track[b] == event_track[a]; tries++)
        b = g_rand_int_range (rng, 0, size->n_events);
      if (event_track[b] == event_track[a])
        continue;
      g_string_append_printf (s, "    <transfer id=\"transfer-%u\" from=\"event-%u\" to=\"event-%u\""
                                 " mechanism=\"%s\">\n      <title>t</title>\n",
                              i, a, b, mechanisms[g_rand_int_range (rng, 0, G_N_ELEMENTS (mechanisms))]);
      if (size->n_actors > 0 && g_rand_double (rng) < 0.5)
        g_string_append_printf (s, "      <carrier ref=\"actor-%u\"/>\n",
                                g_rand_int_range (rng, 0, size->n_actors));
      g_string_append (s, "    </transfer>\n");
    }
  g_string_append (s, "  </transfers>\n</case>\n");
  return g_string_free (s, FALSE);
}

/**
 * random_case_new:
 *
 * Returns: (transfer full): the case of @seed, read as a file would be
 */
BcCase *
random_case_new (guint32               seed,
                 const RandomCaseSize *size)
{
  char *xml = random_case_xml (seed, size);
  g_autoptr(GBytes) bytes = g_bytes_new_take (xml, strlen (xml));
  g_autofree char *name = g_strdup_printf ("random-%u.bcase", seed);
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_bytes (bytes, name, NULL, &error);

  if (c == NULL)
    g_error ("seed %u: %s", seed, error->message);
  return c;
}
