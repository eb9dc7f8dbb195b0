/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <locale.h>

#include "bc-bib-import.h"
#include "bc-csv-import.h"
#include "bc-edit.h"
#include "bc-exchange.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-writer.h"

/* Importing: CSV tables (round trip, problems, one undo step, limits),
 * dates as spreadsheets write them, and PA-X. The exports are checked by
 * their consumers in tests/exchange. */

static BcCase *
read_bundled (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("BACKCHANNEL_CASES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BcCase *loaded = bc_case_read_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return loaded;
}

static char *
case_text (BcCase *c)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (c);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static BcCsvImport *
load_text (BcCase      *target,
           const char  *text,
           int          table)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  g_autoptr(GError) error = NULL;
  BcCsvImport *import = bc_csv_import_new (target);

  if (table >= 0)
    bc_csv_import_set_table (import, table);
  g_assert_true (bc_csv_import_load (import, stream, "sheet.csv", NULL, &error));
  g_assert_no_error (error);
  return import;
}

static GStrv
problem_strings (BcCsvImport *import)
{
  GPtrArray *problems = bc_csv_import_get_problems (import);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = bc_import_problem_to_string (g_ptr_array_index (problems, i));
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

/* Exporting every table and importing them into an empty case with the
 * same header gives the same case, byte for byte. */
static void
test_round_trip (void)
{
  const char *cases[] = { "oslo.bcase", "camp-david.bcase", "abkhazia.bcase" };
  const BcTable order[] = {
    BC_TABLE_SOURCES, BC_TABLE_ACTORS, BC_TABLE_EVENTS, BC_TABLE_TRANSFERS, BC_TABLE_LINKS,
    BC_TABLE_ANNOTATIONS,
  };

  for (guint n = 0; n < G_N_ELEMENTS (cases); n++)
    {
      g_autoptr(BcCase) original = read_bundled (cases[n]);
      g_autoptr(BcCase) copy = NULL;
      g_autofree char *expected = case_text (original);
      g_autofree char *got = NULL;
      g_autofree char *id = NULL, *language = NULL, *title = NULL, *summary = NULL;
      g_autofree char *region = NULL, *license = NULL;
      g_auto(GStrv) authors = NULL;
      BcDate *start = NULL, *end = NULL;

      g_object_get (original, "id", &id, "language", &language, "title", &title, "summary", &summary,
                    "period-start", &start, "period-end", &end, "region", &region, "authors", &authors,
                    "license", &license, NULL);
      copy = bc_case_new (id, title);
      g_object_set (copy, "language", language, "summary", summary, "period-start", start,
                    "period-end", end, "region", region, "authors", authors, "license", license, NULL);
      g_clear_pointer (&start, bc_date_free);
      g_clear_pointer (&end, bc_date_free);

      for (guint t = 0; t < G_N_ELEMENTS (order); t++)
        {
          g_autoptr(GBytes) table = bc_csv_write_table (original, order[t]);
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (table);
          g_autoptr(BcCsvImport) import = bc_csv_import_new (copy);
          g_autoptr(GError) error = NULL;

          g_assert_true (bc_csv_import_load (import, stream, bc_table_get_name (order[t]), NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (bc_csv_import_get_table (import), ==, order[t]);
          g_assert_cmpuint (bc_csv_import_get_problems (import)->len, ==, 0);
          g_assert_true (bc_csv_import_apply (import, FALSE, &error));
          g_assert_no_error (error);
        }
      got = case_text (copy);
      /* The tables carry no story: the case file alone does. */
      {
        char *story = strstr (expected, "  <story");

        g_assert_nonnull (story);
        g_assert_null (strstr (got, "<story"));
        strcpy (story, "</case>\n");
      }
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The import is one step: undone, the case is as it was. */
static void
test_one_undo_step (void)
{
  g_autoptr(BcCase) c = bc_case_new ("sheet", "A spreadsheet");
  g_autofree char *before = case_text (c);
  g_autofree char *after = NULL;
  g_autoptr(BcCsvImport) import = load_text (c, "Title,Date,Track\nOne,1993-01-20,2\nTwo,1993-02,1\n", -1);
  BcHistory *history = bc_case_get_history (c);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bc_csv_import_get_table (import), ==, BC_TABLE_EVENTS);
  g_assert_false (bc_history_can_undo (history));
  g_assert_true (bc_csv_import_apply (import, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 2);
  g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Import 2 Events");
  g_assert_nonnull (bc_case_lookup_event (c, "event-1"));
  g_assert_true (bc_history_undo (history));
  g_assert_false (bc_history_can_undo (history));
  after = case_text (c);
  g_assert_cmpstr (after, ==, before);
}

/* Every problem as FILE:ROW: column NAME: what is wrong; nothing added
 * unless accepted; the valid rows alone when the user chooses. */
static void
test_problems (void)
{
  g_autoptr(BcCase) c = bc_case_new ("sheet", "A spreadsheet");
  g_autoptr(BcCsvImport) import = load_text (c,
    "id,Title,Start Date,Track,Kind,who\r\n"
    "a,Talks open,20/01/1993,2,meeting,\r\n"
    "b,Bad day,31/02/1993,7,meeting,\r\n"
    "c,,1993,2,meeting,\r\n"
    "d,Odd kind,1993,2,picnic,\r\n"
    "9x,Bad id,1993,2,,\r\n"
    "e,Nobody,1993,12,,\r\n"
    "g,Ghost,1993,2,,ghost\r\n"
    "a,Twice,1993,2,,\r\n"
    "f,\"Quoted, with \"\"quotes\"\"\",January 20 1993,Track 1.5,,\r\n", -1);
  g_auto(GStrv) problems = problem_strings (import);
  const char *expected[] = {
    "sheet.csv:3: column Start Date: “1993-02-31” does not exist: February 1993 has 28 days",
    "sheet.csv:4: column Title: “title” is required and empty",
    "sheet.csv:5: column Kind: “picnic” is not one of meeting, negotiation, workshop, agreement, "
      "signing, statement, publication, visit, appointment, violence, other",
    NULL,
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (problems[i], ==, expected[i]);
  g_assert_true (g_str_has_prefix (problems[3], "sheet.csv:6: column id: "));
  g_assert_true (g_str_has_prefix (problems[4], "sheet.csv:7: column Track: “12” is not one of"));
  g_assert_true (g_str_has_prefix (problems[5], "sheet.csv:8: column who: "));
  g_assert_cmpstr (problems[6], ==, "sheet.csv:9: column id: this id is already used further up in the file");
  g_assert_cmpuint (g_strv_length (problems), ==, 7);
  g_assert_cmpuint (bc_csv_import_get_n_rows (import), ==, 9);
  g_assert_cmpuint (bc_csv_import_get_n_valid (import), ==, 2);

  /* Nothing unless accepted. */
  g_assert_false (bc_csv_import_apply (import, FALSE, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 0);

  g_clear_error (&error);
  g_assert_true (bc_csv_import_apply (import, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 2);
  g_assert_cmpstr (bc_event_get_title (bc_case_lookup_event (c, "f")), ==, "Quoted, with \"quotes\"");
  g_assert_cmpuint (bc_event_get_track (bc_case_lookup_event (c, "f")), ==, BC_TRACK_1_5);
}

/* A column mapped by hand, another left out; a row referring to an actor
 * further down the file. */
static void
test_mapping_and_forward_reference (void)
{
  g_autoptr(BcCase) c = bc_case_new ("sheet", "A spreadsheet");
  g_autoptr(BcCsvImport) import = bc_csv_import_new (c);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (
    "Key;Who;Team;Level;Junk\nlarsen;Terje Rød-Larsen;fafo;2;x\nfafo;FAFO;;2;y\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  BcActor *larsen;

  bc_csv_import_set_table (import, BC_TABLE_ACTORS);
  g_assert_true (bc_csv_import_set_mapping (import, "Who", "name", &error));
  g_assert_true (bc_csv_import_set_mapping (import, "Team", "member-of", &error));
  g_assert_true (bc_csv_import_set_mapping (import, "Level", "track", &error));
  g_assert_true (bc_csv_import_set_mapping (import, "Junk", NULL, &error));
  g_assert_false (bc_csv_import_set_mapping (import, "Junk", "nonsense", &error));
  g_clear_error (&error);
  g_assert_true (bc_csv_import_load (import, stream, "actors.csv", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_csv_import_get_column_field (import, 0), ==, "id");
  g_assert_null (bc_csv_import_get_column_field (import, 4));
  g_assert_cmpuint (bc_csv_import_get_problems (import)->len, ==, 0);
  g_assert_true (bc_csv_import_apply (import, FALSE, &error));
  larsen = bc_case_lookup_actor (c, "larsen");
  g_assert_nonnull (larsen);
  g_assert_cmpstr (bc_actor_get_member_of (larsen)[0], ==, "fafo");
}

static void
check_date (const char  *text,
            BcDateOrder  order,
            const char  *expected)
{
  BcDate date;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  if (expected == NULL)
    {
      g_assert_false (bc_date_parse_spreadsheet (text, order, &date, &error));
      g_assert_nonnull (error);
      return;
    }
  g_assert_true (bc_date_parse_spreadsheet (text, order, &date, &error));
  g_assert_no_error (error);
  got = bc_date_to_string (date);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_spreadsheet_dates (void)
{
  check_date ("1993-01-20", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("1993-08", BC_DATE_ORDER_AUTO, "1993-08");
  check_date ("1993", BC_DATE_ORDER_AUTO, "1993");
  check_date ("20/01/1993", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("1/20/1993", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("03/04/1993", BC_DATE_ORDER_DMY, "1993-04-03");
  check_date ("03/04/1993", BC_DATE_ORDER_MDY, "1993-03-04");
  check_date ("20.01.1993", BC_DATE_ORDER_DMY, "1993-01-20");
  check_date ("1993/01/20", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("20 January 1993", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("January 20, 1993", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("20th Jan. 1993", BC_DATE_ORDER_AUTO, "1993-01-20");
  check_date ("Jan 1993", BC_DATE_ORDER_AUTO, "1993-01");
  check_date ("Sept 1993", BC_DATE_ORDER_AUTO, "1993-09");
  check_date ("01/1993", BC_DATE_ORDER_AUTO, "1993-01");
  check_date ("31/02/1993", BC_DATE_ORDER_DMY, NULL);
  check_date ("13/13/1993", BC_DATE_ORDER_AUTO, NULL);
  check_date ("Marble 1993", BC_DATE_ORDER_AUTO, NULL);
  check_date ("soon", BC_DATE_ORDER_AUTO, NULL);
  check_date ("20/01/93", BC_DATE_ORDER_AUTO, NULL);
}

/* The file's unambiguous dates decide the ambiguous ones; without them,
 * each ambiguous date is a problem. */
static void
test_date_order_from_file (void)
{
  g_autoptr(BcCase) c = bc_case_new ("sheet", "A spreadsheet");
  g_autoptr(BcCsvImport) mdy = load_text (c, "title,date,track\nA,03/04/1993,2\nB,12/25/1993,2\n", -1);
  g_autoptr(BcCsvImport) unknown = NULL;
  g_auto(GStrv) problems = NULL;

  g_assert_cmpuint (bc_csv_import_get_problems (mdy)->len, ==, 0);
  g_assert_true (bc_date_equal (bc_event_get_date (BC_EVENT (bc_csv_import_get_row_object (mdy, 0))),
                                (BcDate) { 1993, 3, 4 }));

  unknown = load_text (c, "title,date,track\nA,03/04/1993,2\n", -1);
  problems = problem_strings (unknown);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "sheet.csv:2: column date: “03/04/1993” could be"));
}

/* An untrusted file: a field over the limit is refused with its row,
 * before the reader holds more of it. */
static void
test_limits (void)
{
  g_autoptr(BcCase) c = bc_case_new ("sheet", "A spreadsheet");
  g_autoptr(BcCsvImport) import = bc_csv_import_new (c);
  GString *text = g_string_new ("title,date,track\nShort,1993,2\n\"");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\",1993,2\n");
  stream = g_memory_input_stream_new_from_data (g_string_free (text, FALSE), -1, g_free);
  g_assert_false (bc_csv_import_load (import, stream, "big.csv", NULL, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "big.csv:3: "));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 0);
}

/* PA-X: a file in PA-X's layout (a few of its ~280 columns, in its
 * order, with one it does not have); the real file may not be
 * redistributed. */
static const char pax_csv[] =
  "Con,Contp,PP,PPName,Reg,AgtId,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,Loc1ISO,UcdpCon,UcdpAgr,GCh\n"
  "Georgia/Abkhazia,Government/territory,103,Georgia-Abkhazia peace process,Europe and Eurasia,12,"
  "Memorandum of Understanding between the Georgian and Abkhaz Sides at the negotiations in Geneva,"
  "1993-12-01,Multiparty signed/agreed,2,3000,Inter,Pre,Pre,\"Georgian side; Abkhaz side\",UN; Russian Federation; CSCE,,GEO,Georgia,,0\n"
  "Georgia/Abkhazia,Government/territory,103,Georgia-Abkhazia peace process,Europe and Eurasia,361,"
  "Declaration on Measures for a Political Settlement of the Georgian/Abkhaz Conflict,"
  "1994-04-04,Multiparty signed/agreed,3,9000,Inter,SubPar,Proc,Georgia; Abkhazia,UN; Russia,"
  "\"Memorandum of Understanding between the Georgian and Abkhaz Sides at the negotiations in Geneva, 1 December 1993\",GEO,Georgia,,1\n"
  "Israel/Palestine,Government/territory,10,Israel-Palestine peace process,Middle East,1234,"
  "Declaration of Principles on Interim Self-Government Arrangements (Oslo I),"
  "1993-09-13,Multiparty signed/agreed,10,40000,Inter,SubComp,Comp,Israel; PLO,USA; Russia,,ISR,Israel,,1\n";

static gboolean
import_pax (BcCase       *c,
            const char   *text,
            const char   *process,
            BcPaxResult  *result,
            GError      **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);

  return bc_pax_import (c, stream, "pax.csv", process, FALSE, result, NULL, error);
}

static void
test_pax (void)
{
  g_autoptr(BcCase) c = bc_case_new ("abkhazia", "Abkhazia");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  BcPaxResult result;
  BcEvent *memorandum, *declaration;
  BcSource *source;
  GListModel *links;
  g_autoptr(BcLink) link = NULL;

  g_assert_true (import_pax (c, pax_csv, "Georgia-Abkhazia peace process", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.links, ==, 1);
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)), ==, "Import 2 Agreements");

  memorandum = bc_case_lookup_event (c, "pax-12");
  declaration = bc_case_lookup_event (c, "pax-361");
  g_assert_nonnull (memorandum);
  g_assert_nonnull (declaration);
  g_assert_null (bc_case_lookup_event (c, "pax-1234"));
  g_assert_cmpuint (bc_event_get_track (memorandum), ==, BC_TRACK_1);
  g_assert_cmpuint (bc_event_get_event_type (memorandum), ==, BC_EVENT_AGREEMENT);
  g_assert_cmpuint (bc_event_get_event_type (declaration), ==, BC_EVENT_SIGNING);
  g_assert_true (bc_date_equal (bc_event_get_date (memorandum), (BcDate) { 1993, 12, 1 }));
  g_assert_nonnull (strstr (bc_event_get_description (memorandum), "Parties: Georgian side; Abkhaz side"));
  g_assert_nonnull (strstr (bc_event_get_description (memorandum), "Third parties: UN; Russian Federation; CSCE"));
  source = bc_case_lookup_source (c, "pax-12-source");
  g_assert_nonnull (source);
  g_assert_cmpstr (bc_source_get_url (source), ==, "https://www.peaceagreements.org/view/12");
  g_assert_nonnull (strstr (bc_source_get_citation (source), "PA-X"));
  g_assert_cmpstr (((BcSourceRef *) g_ptr_array_index (bc_event_get_sources (memorandum), 0))->ref, ==,
                   "pax-12-source");
  links = bc_case_get_links (c);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpstr (bc_link_get_from (link), ==, "pax-12");
  g_assert_cmpstr (bc_link_get_to (link), ==, "pax-361");

  /* Again, by number: updated, never duplicated. */
  first = case_text (c);
  g_assert_true (import_pax (c, pax_csv, "103", &result, &error));
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (result.links, ==, 0);
  second = case_text (c);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 2);
}

static void
test_pax_refusals (void)
{
  g_autoptr(BcCase) c = bc_case_new ("c", "C");
  g_autoptr(GError) error = NULL;
  BcPaxResult result;

  g_assert_false (import_pax (c, "title,date,track\nA,1993,2\n", "10", &result, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "is not a PA-X agreements file"));
  g_clear_error (&error);

  g_assert_false (import_pax (c, pax_csv, "Narnia", &result, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A part of the name that names two processes. */
  g_assert_false (import_pax (c, pax_csv, "peace process", &result, &error));
  g_assert_nonnull (strstr (error->message, "names several peace processes"));
  g_clear_error (&error);

  /* A part that names one. */
  g_assert_true (import_pax (c, pax_csv, "israel", &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bc_case_lookup_event (c, "pax-1234"));
}

/* One agreement of the Georgia-Abkhazia process with a date PA-X never
 * writes: the whole import stops on it, naming its row and column, and
 * with skip_invalid the others are imported and it is listed. */
static void
test_pax_bad_row (void)
{
  g_autoptr(BcCase) c = bc_case_new ("c", "C");
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_auto(BcPaxResult) result = { 0 };

  bad = g_strdup (pax_csv);
  memcpy (strstr (bad, "1994-04-04"), "1994-13-45", 10);

  before = case_text (c);
  g_assert_false (import_pax (c, bad, "103", &result, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "pax.csv:3: column Dat: "));
  g_clear_error (&error);
  after = case_text (c);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (bc_history_can_undo (bc_case_get_history (c)));

  stream = g_memory_input_stream_new_from_data (bad, -1, NULL);
  g_assert_true (bc_pax_import (c, stream, "pax.csv", "103", TRUE, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.links, ==, 0);
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.problems, 0), "pax.csv:3: column Dat: "));
  g_assert_nonnull (bc_case_lookup_event (c, "pax-12"));
  g_assert_null (bc_case_lookup_event (c, "pax-361"));
  g_assert_null (bc_case_lookup_source (c, "pax-361-source"));
}

/* What the import dialog offers to choose from. */
static void
test_pax_processes (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (pax_csv, -1, NULL);
  g_autoptr(GInputStream) other = g_memory_input_stream_new_from_data ("a,b\n1,2\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) processes = bc_pax_list_processes (stream, "pax.csv", NULL, &error);
  BcPaxProcess *process;

  g_assert_no_error (error);
  g_assert_cmpuint (processes->len, ==, 2);
  process = g_ptr_array_index (processes, 0);
  g_assert_cmpstr (process->name, ==, "Georgia-Abkhazia peace process");
  g_assert_cmpstr (process->number, ==, "103");
  g_assert_cmpuint (process->n_agreements, ==, 2);
  process = g_ptr_array_index (processes, 1);
  g_assert_cmpstr (process->name, ==, "Israel-Palestine peace process");
  g_assert_cmpuint (process->n_agreements, ==, 1);

  g_assert_null (bc_pax_list_processes (other, "other.csv", NULL, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT);
}

/* References from Zotero: the case has Pundak's article by its DOI
 * (written differently, in the citation) and IPI's report by its page
 * (another scheme, "www.", a final slash): those two are updated, not
 * added again; Savir and Egeland are new; the broken entry is reported
 * with its line. */
static BcCase *
case_with_references (void)
{
  BcCase *c = bc_case_new ("refs", "Refs");
  g_autoptr(BcSource) pundak = bc_source_new ("pundak-2001", BC_SOURCE_ARTICLE,
                                              "Pundak, Ron. 2001. From Oslo to Taba. Survival. "
                                              "doi:10.1093/survival/43.3.31");
  g_autoptr(BcSource) ipi = bc_source_new ("ipi-2008", BC_SOURCE_OTHER, "IPI report on Norway");
  g_autoptr(GError) error = NULL;

  g_object_set (ipi, "url", "https://example.org/reports/norway", NULL);
  g_assert_true (bc_edit_insert (c, G_OBJECT (pundak), &error));
  g_assert_true (bc_edit_insert (c, G_OBJECT (ipi), &error));
  g_assert_no_error (error);
  return c;
}

static void
check_references (const char *name,
                  const char *problem)
{
  g_autoptr(BcCase) c = case_with_references ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "exchange", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(BcBibImport) import = bc_bib_import_new (c);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = case_text (c);
  g_autofree char *after = NULL;
  g_autofree char *line = NULL;
  BcHistory *history = bc_case_get_history (c);
  BcSource *pundak, *ipi;
  guint added, updated, n_entries;

  g_assert_nonnull (stream);
  g_assert_true (bc_bib_import_load (import, stream, name, NULL, &error));
  g_assert_no_error (error);
  n_entries = bc_bib_import_get_n_entries (import);
  g_assert_cmpuint (n_entries, >=, 3);
  g_assert_cmpstr (bc_bib_import_get_match (import, 0), ==, "pundak-2001");
  g_assert_cmpstr (bc_bib_import_get_match (import, 1), ==, "ipi-2008");
  g_assert_null (bc_bib_import_get_match (import, 2));
  g_assert_cmpuint (bc_bib_import_get_problems (import)->len, ==, 1);
  line = bc_import_problem_to_string (g_ptr_array_index (bc_bib_import_get_problems (import), 0));
  g_assert_cmpstr (line, ==, problem);

  /* A file with a problem adds nothing unless its valid entries are chosen. */
  g_assert_false (bc_bib_import_apply (import, FALSE, &added, &updated, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID);
  g_clear_error (&error);
  after = case_text (c);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_true (bc_bib_import_apply (import, TRUE, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (updated, ==, 2);
  g_assert_cmpuint (added, ==, n_entries - 2);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (c)), ==, n_entries);
  pundak = bc_case_lookup_source (c, "pundak-2001");
  g_assert_cmpuint (bc_source_get_source_type (pundak), ==, BC_SOURCE_ARTICLE);
  g_assert_nonnull (strstr (bc_source_get_citation (pundak), "Pundak, Ron. 2001. From Oslo to Taba: What Went Wrong? Survival 43 (3): 31–45."));
  g_assert_cmpstr (bc_source_get_url (pundak), !=, NULL);
  ipi = bc_case_lookup_source (c, "ipi-2008");
  g_assert_cmpuint (bc_source_get_source_type (ipi), ==, BC_SOURCE_REPORT);
  g_assert_nonnull (strstr (bc_source_get_citation (ipi), "International Peace Institute. 2008. Norway"));
  g_assert_nonnull (bc_case_lookup_source (c, "savir_process_1998"));
  g_assert_cmpuint (bc_source_get_source_type (bc_case_lookup_source (c, "savir_process_1998")), ==,
                    BC_SOURCE_BOOK);
  g_assert_cmpstr (bc_history_get_undo_label (history), ==,
                   n_entries == 3 ? "Import 3 Sources" : "Import 4 Sources");

  /* Again: everything matches now, nothing is added or changed. */
  g_free (line);
  line = case_text (c);
  g_clear_object (&stream);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_assert_true (bc_bib_import_load (import, stream, name, NULL, &error));
  g_assert_true (bc_bib_import_apply (import, TRUE, &added, &updated, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, n_entries);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (c)), ==, n_entries);
  after = case_text (c);
  g_assert_cmpstr (after, ==, line);
  g_clear_pointer (&after, g_free);

  /* The import was one step. */
  g_assert_true (bc_history_undo (history));
  after = case_text (c);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bibtex (void)
{
  check_references ("zotero.bib",
                    "zotero.bib:36: entry broken_2003: expected a field such as title = {…}");
}

static void
test_csl_json (void)
{
  check_references ("zotero.json", "zotero.json:35: column title: the entry untitled_2003 has no title");
}

static void
test_bib_refusals (void)
{
  g_autoptr(BcCase) c = bc_case_new ("c", "C");
  g_autoptr(BcBibImport) import = bc_bib_import_new (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_data ("just some text\n", -1, NULL);
  g_autoptr(GInputStream) deep = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);

  g_assert_false (bc_bib_import_load (import, plain, "notes.txt", NULL, &error));
  g_assert_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT);
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&nested), FALSE), -1, g_free);
  g_assert_true (bc_bib_import_load (import, deep, "deep.json", NULL, &error));
  g_assert_cmpuint (bc_bib_import_get_n_entries (import), ==, 0);
  g_assert_cmpuint (bc_bib_import_get_problems (import)->len, ==, 1);
  g_assert_nonnull (strstr (((BcImportProblem *) g_ptr_array_index (bc_bib_import_get_problems (import), 0))->message,
                            "nested too deep"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/csv/export-import-gives-the-same-case", test_round_trip);
  g_test_add_func ("/exchange/csv/import-is-one-undo-step", test_one_undo_step);
  g_test_add_func ("/exchange/csv/problems-name-file-row-and-column", test_problems);
  g_test_add_func ("/exchange/csv/mapping-and-forward-references", test_mapping_and_forward_reference);
  g_test_add_func ("/exchange/csv/refuses-a-field-over-the-limit", test_limits);
  g_test_add_func ("/exchange/dates/spreadsheet-forms", test_spreadsheet_dates);
  g_test_add_func ("/exchange/dates/order-from-the-file", test_date_order_from_file);
  g_test_add_func ("/exchange/pax/adds-links-and-updates-by-agreement-id", test_pax);
  g_test_add_func ("/exchange/pax/refuses-what-is-not-pax", test_pax_refusals);
  g_test_add_func ("/exchange/pax/bad-row-stops-unless-skipped", test_pax_bad_row);
  g_test_add_func ("/exchange/bibtex/merges-by-doi-and-url-reports-line", test_bibtex);
  g_test_add_func ("/exchange/csl-json/merges-by-doi-and-url-reports-line", test_csl_json);
  g_test_add_func ("/exchange/bib/refuses-what-is-not-references", test_bib_refusals);
  g_test_add_func ("/exchange/pax/lists-processes-with-counts", test_pax_processes);

  return g_test_run ();
}
