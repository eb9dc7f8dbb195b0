/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case told in words: dates at their precision, transfers as
 * sentences, citations with their pages, on a small case. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bc-narrative.h"
#include "bc-reader.h"

static const char small_case[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<case version=\"1\" id=\"small\">\n"
  "  <title>Small</title>\n"
  "  <actors>\n"
  "    <actor id=\"larsen\" track=\"2\" type=\"person\"><name>Terje Rød-Larsen</name></actor>\n"
  "    <actor id=\"juul\" track=\"1\" type=\"person\"><name>Mona Juul</name></actor>\n"
  "    <actor id=\"holst\" track=\"1\" type=\"person\"><name>Johan Jørgen Holst</name></actor>\n"
  "  </actors>\n"
  "  <events>\n"
  "    <event id=\"talks\" track=\"2\" type=\"meeting\" date=\"1993-01-20\" end=\"1993-01-22\">"
  "<title>Talks at Sarpsborg</title><participant ref=\"larsen\"/><participant ref=\"juul\"/></event>\n"
  "    <event id=\"cabinet\" track=\"1\" type=\"meeting\" date=\"1993-06\"><title>Israeli government</title></event>\n"
  "    <event id=\"signing\" track=\"1\" type=\"signing\" date=\"1993\" certainty=\"disputed\"><title>Signing</title></event>\n"
  "  </events>\n"
  "  <transfers>\n"
  "    <transfer id=\"reports\" from=\"talks\" to=\"cabinet\" mechanism=\"memorandum\">"
  "<title>Reports</title><carrier ref=\"larsen\"/><source ref=\"corbin\" pages=\"20-25\"/></transfer>\n"
  "    <transfer id=\"three\" from=\"talks\" to=\"signing\" mechanism=\"draft-text\" status=\"disputed\">"
  "<title>Three</title><carrier ref=\"larsen\"/><carrier ref=\"juul\"/><carrier ref=\"holst\"/>"
  "<source ref=\"corbin\" pages=\"60\"/></transfer>\n"
  "    <transfer id=\"alone\" from=\"talks\" to=\"signing\" mechanism=\"briefing\" status=\"inferred\"><title>Alone</title></transfer>\n"
  "  </transfers>\n"
  "  <sources>\n"
  "    <source id=\"corbin\" type=\"book\"><citation>Corbin, Jane.\n      Gaza First. 1994.</citation></source>\n"
  "  </sources>\n"
  "</case>\n";

static BcCase *
read_small (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_case, strlen (small_case));
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_bytes (bytes, "small.bcase", NULL, &error);

  g_assert_no_error (error);
  return c;
}

static char *
sentence (BcCase     *c,
          const char *id)
{
  return bc_narrative_transfer_sentence (c, bc_case_lookup_transfer (c, id));
}

static void
test_transfer_sentence_with_carrier (void)
{
  g_autoptr(BcCase) c = read_small ();
  g_autofree char *s = sentence (c, "reports");

  g_assert_cmpstr (s, ==, "“Talks at Sarpsborg” (Track 2) reached “Israeli government” (Track 1) "
                          "through a memorandum, carried by Terje Rød-Larsen; documented.");
}

static void
test_transfer_sentence_lists_carriers (void)
{
  g_autoptr(BcCase) c = read_small ();
  g_autofree char *s = sentence (c, "three");

  g_assert_cmpstr (s, ==, "“Talks at Sarpsborg” (Track 2) reached “Signing” (Track 1) as a draft text, "
                          "carried by Terje Rød-Larsen, Mona Juul and Johan Jørgen Holst; disputed.");
}

static void
test_transfer_sentence_without_carrier (void)
{
  g_autoptr(BcCase) c = read_small ();
  g_autofree char *s = sentence (c, "alone");

  g_assert_cmpstr (s, ==, "“Talks at Sarpsborg” (Track 2) reached “Signing” (Track 1) "
                          "through a confidential briefing; inferred from the sources, not documented.");
}

static void
test_transfer_follows_edits (void)
{
  g_autoptr(BcCase) c = read_small ();
  g_autofree char *s = NULL;

  g_object_set (bc_case_lookup_actor (c, "larsen"), "name", "T. Rød-Larsen", NULL);
  s = sentence (c, "reports");
  g_assert_nonnull (strstr (s, "carried by T. Rød-Larsen;"));
}

static void
test_dates_at_their_precision (void)
{
  struct { const char *date, *end; BcCertainty certainty; const char *expected; } cases[] = {
    { "1993-06-04", NULL, BC_CERTAINTY_EXACT, "4 June 1993" },
    { "1993-06", NULL, BC_CERTAINTY_EXACT, "June 1993" },
    { "1993", NULL, BC_CERTAINTY_EXACT, "1993" },
    { "1993-01-20", "1993-01-22", BC_CERTAINTY_EXACT, "20 January 1993 – 22 January 1993" },
    { "1993-06", NULL, BC_CERTAINTY_APPROXIMATE, "about June 1993" },
    { "1976", NULL, BC_CERTAINTY_DISPUTED, "1976 (date disputed)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BcDate date, end = BC_DATE_UNSET;
      g_autofree char *text = NULL;

      g_assert_true (bc_date_parse (cases[i].date, &date, NULL));
      if (cases[i].end != NULL)
        g_assert_true (bc_date_parse (cases[i].end, &end, NULL));
      text = bc_narrative_format_when (date, end, cases[i].certainty);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_citation_with_pages (void)
{
  g_autoptr(BcCase) c = read_small ();
  GPtrArray *refs = bc_transfer_get_sources (bc_case_lookup_transfer (c, "reports"));
  GPtrArray *single = bc_transfer_get_sources (bc_case_lookup_transfer (c, "three"));
  g_autofree char *range = bc_narrative_format_citation (c, g_ptr_array_index (refs, 0));
  g_autofree char *page = bc_narrative_format_citation (c, g_ptr_array_index (single, 0));

  g_assert_cmpstr (range, ==, "Corbin, Jane. Gaza First. 1994, pp. 20-25");
  g_assert_cmpstr (page, ==, "Corbin, Jane. Gaza First. 1994, p. 60");
}

static void
test_contested (void)
{
  g_autoptr(BcCase) c = read_small ();

  g_assert_true (bc_narrative_is_contested (BC_ITEM (bc_case_lookup_event (c, "signing"))));
  g_assert_true (bc_narrative_is_contested (BC_ITEM (bc_case_lookup_transfer (c, "three"))));
  g_assert_false (bc_narrative_is_contested (BC_ITEM (bc_case_lookup_event (c, "talks"))));
  g_assert_false (bc_narrative_is_contested (BC_ITEM (bc_case_lookup_transfer (c, "alone"))));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/narrative/transfer-sentence-with-carrier", test_transfer_sentence_with_carrier);
  g_test_add_func ("/core/narrative/transfer-sentence-lists-carriers", test_transfer_sentence_lists_carriers);
  g_test_add_func ("/core/narrative/transfer-sentence-without-carrier", test_transfer_sentence_without_carrier);
  g_test_add_func ("/core/narrative/transfer-sentence-follows-edits", test_transfer_follows_edits);
  g_test_add_func ("/core/narrative/dates-at-their-precision", test_dates_at_their_precision);
  g_test_add_func ("/core/narrative/citation-with-pages", test_citation_with_pages);
  g_test_add_func ("/core/narrative/contested", test_contested);

  return g_test_run ();
}
