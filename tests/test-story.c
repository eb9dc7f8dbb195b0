/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A case's story in core: the edits of the story, each one undo step
 * with its label, undone and redone to the same bytes; the story's rules
 * refusing a bad edit; deleting and renaming an item taking the story
 * along; the case announcing every change. */
#include "config.h"

#include <string.h>

#include "bc-edit.h"
#include "bc-reader.h"
#include "bc-rules.h"
#include "bc-writer.h"
#include "test-fixture.h"

/* Auxiliary functions */

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    g_assert_cmpstr (g_bytes_get_data (a, NULL), ==, g_bytes_get_data (b, NULL));
}

/* The case writes, reads back without a diagnostic, and writes the same
 * bytes again. */
static void
assert_round_trip (BcCase *c)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) back = bc_case_read_bytes (bytes, "story.bcase", NULL, &error);
  g_autoptr(GBytes) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  again = bc_case_to_bytes (back);
  assert_bytes_equal (bytes, again);
}

static BcStoryStep *
step_at (BcCase *c,
         guint   i)
{
  g_autoptr(BcStoryStep) step = g_list_model_get_item (bc_case_get_story (c), i);

  return step;  /* the story keeps its own reference */
}

/* Undo gives @before back byte for byte, redo @after. */
static void
assert_undo_redo (BcCase     *c,
                  const char *label,
                  GBytes     *before)
{
  BcHistory *history = bc_case_get_history (c);
  g_autoptr(GBytes) after = bc_case_to_bytes (c);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_cmpstr (bc_history_get_undo_label (history), ==, label);
  g_assert_true (bc_history_undo (history));
  undone = bc_case_to_bytes (c);
  assert_bytes_equal (before, undone);
  g_assert_cmpstr (bc_history_get_redo_label (history), ==, label);
  g_assert_true (bc_history_redo (history));
  redone = bc_case_to_bytes (c);
  assert_bytes_equal (after, redone);
}

typedef struct
{
  guint added;
  guint removed;
  guint fields;
} Heard;

static void
on_changed (BcCase       *c,
            BcChangeKind  kind,
            GObject      *object,
            const char   *detail,
            Heard        *heard)
{
  if (kind == BC_CHANGE_ADDED && g_strcmp0 (detail, "story") == 0)
    heard->added++;
  else if (kind == BC_CHANGE_REMOVED && g_strcmp0 (detail, "story") == 0)
    heard->removed++;
  else if (kind == BC_CHANGE_FIELD && BC_IS_STORY_STEP (object))
    heard->fields++;
}

/* Tests */

static void
test_add_step (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) before = bc_case_to_bytes (c);
  g_autoptr(GError) error = NULL;
  Heard heard = { 0 };
  BcStoryStep *step;

  g_signal_connect (c, "changed", G_CALLBACK (on_changed), &heard);
  step = bc_edit_add_step (c, -1, fixture_date ("1993-01-20"),
                           (const char * const[]) { "meet-1", "larsen", NULL },
                           "Two academics meet a PLO official.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (step);
  g_assert_true (bc_case_has_story (c));
  g_assert_cmpuint (heard.added, ==, 1);
  g_assert_true (step_at (c, 0) == step);
  g_assert_cmpstr (bc_story_step_get_focus (step)[1], ==, "larsen");

  assert_undo_redo (c, "Add Step", before);
  g_assert_cmpuint (heard.removed, ==, 1);
  g_assert_cmpuint (heard.added, ==, 2);
  assert_round_trip (c);

  /* A step goes where it is asked to. */
  step = bc_edit_add_step (c, 0, fixture_date ("1992"), NULL, "Before.", &error);
  g_assert_no_error (error);
  g_assert_true (step_at (c, 0) == step);
}

static void
test_change_caption (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  Heard heard = { 0 };
  BcStoryStep *step;

  step = bc_edit_add_step (c, -1, fixture_date ("1993-05"), NULL, "Old caption.", &error);
  g_assert_no_error (error);
  before = bc_case_to_bytes (c);
  g_signal_connect (c, "changed", G_CALLBACK (on_changed), &heard);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "New caption.");
  g_assert_true (bc_edit_set (c, G_OBJECT (step), "caption", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_story_step_get_caption (step), ==, "New caption.");
  g_assert_cmpuint (heard.fields, ==, 1);

  assert_undo_redo (c, "Change Caption", before);
  g_assert_cmpstr (bc_story_step_get_caption (step), ==, "New caption.");
  assert_round_trip (c);
}

static void
test_remove_step (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  BcStoryStep *first, *second;

  first = bc_edit_add_step (c, -1, fixture_date ("1993-01"), NULL, "First.", &error);
  second = bc_edit_add_step (c, -1, fixture_date ("1993-09"), NULL, "Second.", &error);
  g_assert_no_error (error);
  before = bc_case_to_bytes (c);

  g_assert_true (bc_edit_remove_step (c, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_story (c)), ==, 1);
  g_assert_true (step_at (c, 0) == second);

  assert_undo_redo (c, "Remove Step", before);
  assert_round_trip (c);
}

static void
test_move_step (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  BcStoryStep *a, *b, *d;

  a = bc_edit_add_step (c, -1, fixture_date ("1993-01"), NULL, "A.", &error);
  b = bc_edit_add_step (c, -1, fixture_date ("1993-05"), NULL, "B.", &error);
  d = bc_edit_add_step (c, -1, fixture_date ("1993-09"), NULL, "D.", &error);
  g_assert_no_error (error);
  before = bc_case_to_bytes (c);

  g_assert_true (bc_edit_move_step (c, a, 2, &error));
  g_assert_no_error (error);
  g_assert_true (step_at (c, 0) == b);
  g_assert_true (step_at (c, 1) == d);
  g_assert_true (step_at (c, 2) == a);

  /* One step of the history, not a removal and an insertion. */
  assert_undo_redo (c, "Move Step", before);
  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  g_assert_true (step_at (c, 0) == a);
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)), ==, "Add Step");

  /* Past the end is refused. */
  g_assert_false (bc_edit_move_step (c, a, 3, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND);
}

static void
test_rules_refuse (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(GValue) focus = G_VALUE_INIT;
  g_auto(GValue) caption = G_VALUE_INIT;
  BcStoryStep *step;

  /* Focus on nothing, on a source, no date, no caption: each refused. */
  g_assert_null (bc_edit_add_step (c, -1, fixture_date ("1993"),
                                   (const char * const[]) { "nobody", NULL }, "X.", &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“nobody”"));
  g_clear_error (&error);
  g_assert_null (bc_edit_add_step (c, -1, fixture_date ("1993"),
                                   (const char * const[]) { "corbin", NULL }, "X.", &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bc_edit_add_step (c, -1, BC_DATE_UNSET, NULL, "X.", &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bc_edit_add_step (c, -1, fixture_date ("1993"), NULL, "", &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_case_has_story (c));
  g_assert_false (bc_history_can_undo (bc_case_get_history (c)));

  step = bc_edit_add_step (c, -1, fixture_date ("1993"), NULL, "Fine.", &error);
  g_assert_no_error (error);
  before = bc_case_to_bytes (c);

  g_value_init (&focus, G_TYPE_STRV);
  g_value_set_boxed (&focus, (const char * const[]) { "meet-1", "ghost", NULL });
  g_assert_false (bc_edit_set (c, G_OBJECT (step), "focus", &focus, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_clear_error (&error);

  g_value_init (&caption, G_TYPE_STRING);
  g_value_set_string (&caption, "");
  g_assert_false (bc_edit_set (c, G_OBJECT (step), "caption", &caption, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);

  after = bc_case_to_bytes (c);
  assert_bytes_equal (before, after);
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)), ==, "Add Step");
}

static void
test_delete_and_rename_follow (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) refs = bc_source_refs_new ();
  g_auto(GValue) id = G_VALUE_INIT;
  BcStoryStep *step;

  step = bc_edit_add_step (c, -1, fixture_date ("1993-05"),
                           (const char * const[]) { "meet-2", "larsen", NULL }, "Cited.", &error);
  g_assert_no_error (error);
  g_ptr_array_add (refs, bc_source_ref_new ("corbin", "60"));
  g_object_set (step, "sources", refs, NULL);
  before = bc_case_to_bytes (c);

  /* A rename takes the focus along. */
  g_value_init (&id, G_TYPE_STRING);
  g_value_set_string (&id, "rod-larsen");
  g_assert_true (bc_edit_set (c, G_OBJECT (bc_case_lookup (c, "larsen")), "id", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_story_step_get_focus (step)[1], ==, "rod-larsen");
  assert_round_trip (c);
  g_assert_true (bc_history_undo (bc_case_get_history (c)));

  /* A deleted event and source leave the focus and the evidence. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (bc_case_lookup (c, "meet-2")), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) bc_story_step_get_focus (step)), ==, 1);
  g_assert_cmpstr (bc_story_step_get_focus (step)[0], ==, "larsen");
  g_assert_true (bc_edit_delete (c, G_OBJECT (bc_case_lookup (c, "corbin")), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bc_story_step_get_sources (step)->len, ==, 0);
  assert_round_trip (c);

  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  {
    g_autoptr(GBytes) undone = bc_case_to_bytes (c);
    assert_bytes_equal (before, undone);
  }

  /* Nothing the story names can be removed behind its back. */
  g_assert_false (bc_rules_check_removable (c, G_OBJECT (bc_case_lookup (c, "corbin")), &error));
  g_assert_nonnull (strstr (error->message, "step 1"));
}

static void
test_story_title (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) plain = bc_case_to_bytes (c);
  g_autoptr(GBytes) titled = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) title = G_VALUE_INIT;

  /* No story: nothing written. */
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), (gssize) g_bytes_get_size (plain), "<story"));

  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "How the draft reached the signing");
  g_assert_true (bc_edit_set (c, G_OBJECT (c), "story-title", &title, &error));
  g_assert_no_error (error);
  titled = bc_case_to_bytes (c);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (titled, NULL), (gssize) g_bytes_get_size (titled),
                                  "  <story title=\"How the draft reached the signing\"/>\n"));
  assert_round_trip (c);
  assert_undo_redo (c, "Change Story Title", plain);

  g_value_set_string (&title, "");
  g_assert_false (bc_edit_set (c, G_OBJECT (c), "story-title", &title, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/story/add-step-undo-redo", test_add_step);
  g_test_add_func ("/core/story/change-caption-undo-redo", test_change_caption);
  g_test_add_func ("/core/story/remove-step-undo-redo", test_remove_step);
  g_test_add_func ("/core/story/move-step-is-one-undo-step", test_move_step);
  g_test_add_func ("/core/story/rules-refuse-bad-focus-date-caption", test_rules_refuse);
  g_test_add_func ("/core/story/delete-and-rename-take-the-story-along", test_delete_and_rename_follow);
  g_test_add_func ("/core/story/title-written-only-when-set", test_story_title);

  return g_test_run ();
}
