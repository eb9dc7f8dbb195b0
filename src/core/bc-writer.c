/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "bc-case-private.h"
#include "bc-enum-types.h"
#include "bc-event-private.h"
#include "bc-history.h"
#include "bc-transfer-private.h"
#include "bc-writer.h"

/* Auxiliary functions */

/* Escapes for element content, or for attribute values when @attribute:
 * there the parser would turn tabs and newlines into spaces, so they are
 * written as character references. A carriage return only survives
 * reading as a reference, in either place. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
indent (GString *out,
        int      level)
{
  for (int i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
attr_string (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_date (GString    *out,
           const char *name,
           BcDate      date)
{
  g_autofree char *text = bc_date_to_string (date);

  attr_string (out, name, text);
}

static void
attr_enum (GString    *out,
           const char *name,
           GType       type,
           int         value)
{
  attr_string (out, name, bc_enum_to_nick (type, value));
}

static void
text_element (GString    *out,
              int         level,
              const char *name,
              const char *text)
{
  if (text == NULL)
    return;

  indent (out, level);
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
ref_elements (GString            *out,
              int                 level,
              const char         *name,
              const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      indent (out, level);
      g_string_append_printf (out, "<%s", name);
      attr_string (out, "ref", ids[i]);
      g_string_append (out, "/>\n");
    }
}

static void
source_refs (GString   *out,
             int        level,
             GPtrArray *refs)
{
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);

      indent (out, level);
      g_string_append (out, "<source");
      attr_string (out, "ref", ref->ref);
      attr_string (out, "pages", ref->pages);
      g_string_append (out, "/>\n");
    }
}

static void
write_annotation (GString      *out,
                  int           level,
                  BcAnnotation *annotation)
{
  const char *text = bc_annotation_get_text (annotation);

  indent (out, level);
  g_string_append (out, "<annotation");
  attr_string (out, "author", bc_annotation_get_author (annotation));
  attr_string (out, "created", bc_annotation_get_created (annotation));
  attr_string (out, "about", bc_annotation_get_about (annotation));
  if (text == NULL || *text == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append (out, "</annotation>\n");
}

/* Closes a start tag: "/>" when nothing follows, else ">" and the body. */
typedef void (*BodyFunc) (GString *out, int level, gpointer item);

static void
element (GString    *out,
         int         level,
         gboolean    has_body,
         BodyFunc    body,
         gpointer    item,
         const char *name)
{
  if (!has_body)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  body (out, level + 1, item);
  indent (out, level);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
position_body (GString  *out,
               int       level,
               gpointer  item)
{
  text_element (out, level, "role", ((BcPosition *) item)->role);
}

static void
actor_body (GString  *out,
            int       level,
            gpointer  item)
{
  BcActor *actor = item;
  GPtrArray *positions = bc_actor_get_positions (actor);

  text_element (out, level, "name", bc_actor_get_name (actor));
  text_element (out, level, "role", bc_actor_get_role (actor));
  ref_elements (out, level, "member-of", bc_actor_get_member_of (actor));

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      BcPosition *p = g_ptr_array_index (positions, i);

      indent (out, level);
      g_string_append (out, "<position");
      attr_enum (out, "track", BC_TYPE_TRACK, p->track);
      attr_date (out, "from", p->from);
      attr_date (out, "to", p->to);
      element (out, level, p->role != NULL, position_body, p, "position");
    }

  text_element (out, level, "description", bc_actor_get_description (actor));
  source_refs (out, level, bc_actor_get_sources (actor));
}

static void
event_body (GString  *out,
            int       level,
            gpointer  item)
{
  BcEvent *event = item;

  text_element (out, level, "title", bc_event_get_title (event));
  text_element (out, level, "place", bc_event_get_place (event));
  ref_elements (out, level, "participant", bc_event_get_participants (event));
  text_element (out, level, "description", bc_event_get_description (event));
  source_refs (out, level, bc_event_get_sources (event));
}

static void
transfer_body (GString  *out,
               int       level,
               gpointer  item)
{
  BcTransfer *transfer = item;
  GListModel *annotations = bc_transfer_get_annotations (transfer);

  text_element (out, level, "title", bc_transfer_get_title (transfer));
  text_element (out, level, "description", bc_transfer_get_description (transfer));
  ref_elements (out, level, "carrier", bc_transfer_get_carriers (transfer));
  source_refs (out, level, bc_transfer_get_sources (transfer));

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(BcAnnotation) annotation = g_list_model_get_item (annotations, i);
      write_annotation (out, level, annotation);
    }
}

static void
step_body (GString  *out,
           int       level,
           gpointer  item)
{
  text_element (out, level, "caption", bc_story_step_get_caption (item));
  source_refs (out, level, bc_story_step_get_sources (item));
}

static void
source_body (GString  *out,
             int       level,
             gpointer  item)
{
  text_element (out, level, "citation", bc_source_get_citation (item));
  text_element (out, level, "url", bc_source_get_url (item));
}

static void
write_item (GString *out,
            int      level,
            GObject *object)
{
  indent (out, level);

  if (BC_IS_ACTOR (object))
    {
      BcActor *actor = BC_ACTOR (object);

      g_string_append (out, "<actor");
      attr_string (out, "id", bc_item_get_id (BC_ITEM (actor)));
      attr_enum (out, "track", BC_TYPE_TRACK, bc_actor_get_track (actor));
      attr_enum (out, "type", BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor));
      element (out, level, TRUE, actor_body, actor, "actor");
    }
  else if (BC_IS_EVENT (object))
    {
      BcEvent *event = BC_EVENT (object);

      g_string_append (out, "<event");
      attr_string (out, "id", bc_item_get_id (BC_ITEM (event)));
      attr_enum (out, "track", BC_TYPE_TRACK, bc_event_get_track (event));
      attr_enum (out, "type", BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event));
      attr_date (out, "date", bc_event_get_date (event));
      attr_date (out, "end", bc_event_get_end (event));
      if (_bc_event_get_certainty_explicit (event))
        attr_enum (out, "certainty", BC_TYPE_CERTAINTY, bc_event_get_certainty (event));
      attr_date (out, "disclosed", bc_event_get_disclosed (event));
      element (out, level, TRUE, event_body, event, "event");
    }
  else if (BC_IS_LINK (object))
    {
      BcLink *link = BC_LINK (object);

      g_string_append (out, "<link");
      attr_string (out, "from", bc_link_get_from (link));
      attr_string (out, "to", bc_link_get_to (link));
      attr_enum (out, "type", BC_TYPE_LINK_TYPE, bc_link_get_link_type (link));
      g_string_append (out, "/>\n");
    }
  else if (BC_IS_TRANSFER (object))
    {
      BcTransfer *transfer = BC_TRANSFER (object);

      g_string_append (out, "<transfer");
      attr_string (out, "id", bc_item_get_id (BC_ITEM (transfer)));
      attr_string (out, "from", bc_transfer_get_from (transfer));
      attr_string (out, "to", bc_transfer_get_to (transfer));
      attr_enum (out, "mechanism", BC_TYPE_MECHANISM, bc_transfer_get_mechanism (transfer));
      if (_bc_transfer_get_status_explicit (transfer))
        attr_enum (out, "status", BC_TYPE_TRANSFER_STATUS, bc_transfer_get_status (transfer));
      attr_date (out, "disclosed", bc_transfer_get_disclosed (transfer));
      element (out, level, TRUE, transfer_body, transfer, "transfer");
    }
  else if (BC_IS_SOURCE (object))
    {
      BcSource *source = BC_SOURCE (object);

      g_string_append (out, "<source");
      attr_string (out, "id", bc_item_get_id (BC_ITEM (source)));
      attr_enum (out, "type", BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source));
      element (out, level, TRUE, source_body, source, "source");
    }
  else if (BC_IS_STORY_STEP (object))
    {
      BcStoryStep *step = BC_STORY_STEP (object);
      const char * const *focus = bc_story_step_get_focus (step);
      g_autofree char *joined = focus && focus[0] ? g_strjoinv (" ", (char **) focus) : NULL;

      g_string_append (out, "<step");
      attr_date (out, "known-on", bc_story_step_get_known_on (step));
      attr_string (out, "focus", joined);
      element (out, level, TRUE, step_body, step, "step");
    }
  else if (BC_IS_ANNOTATION (object))
    {
      /* write_annotation() indents for itself. */
      g_string_truncate (out, out->len - (gsize) (2 * level));
      write_annotation (out, level, BC_ANNOTATION (object));
    }
}

static void
write_section (GString    *out,
               BcCase     *self,
               const char *name,
               GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  const char *story_title = g_str_equal (name, "story") ? bc_case_get_story_title (self) : NULL;

  if (!_bc_case_get_section_present (self, name) && story_title == NULL)
    return;

  g_string_append_printf (out, "  <%s", name);
  attr_string (out, "title", story_title);
  if (n == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      write_item (out, 2, item);
    }
  g_string_append_printf (out, "  </%s>\n", name);
}

/* Public API */

/**
 * bc_case_to_bytes:
 * @self: a case
 *
 * Writes the case in the canonical form of the format: the same case
 * always gives the same bytes.
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
bc_case_to_bytes (BcCase *self)
{
  GString *out;
  const char * const *authors;
  BcDate start, end;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  out = g_string_sized_new (4096);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case version=\"1\"");
  attr_string (out, "id", bc_case_get_id (self));
  attr_string (out, "xml:lang", bc_case_get_language (self));
  g_string_append (out, ">\n");

  text_element (out, 1, "title", bc_case_get_title (self) ? bc_case_get_title (self) : "");
  text_element (out, 1, "summary", bc_case_get_summary (self));

  start = bc_case_get_period_start (self);
  end = bc_case_get_period_end (self);
  if (bc_date_is_set (start) || bc_date_is_set (end))
    {
      g_string_append (out, "  <period");
      attr_date (out, "start", start);
      attr_date (out, "end", end);
      g_string_append (out, "/>\n");
    }

  text_element (out, 1, "region", bc_case_get_region (self));
  authors = bc_case_get_authors (self);
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    text_element (out, 1, "author", authors[i]);
  text_element (out, 1, "license", bc_case_get_license (self));

  write_section (out, self, "actors", bc_case_get_actors (self));
  write_section (out, self, "events", bc_case_get_events (self));
  write_section (out, self, "links", bc_case_get_links (self));
  write_section (out, self, "transfers", bc_case_get_transfers (self));
  write_section (out, self, "sources", bc_case_get_sources (self));
  write_section (out, self, "annotations", bc_case_get_annotations (self));
  write_section (out, self, "story", bc_case_get_story (self));

  g_string_append (out, "</case>\n");

  return g_string_free_to_bytes (out);
}

/* Keeps the old file as FILE~ before it is replaced. */
static gboolean
make_backup (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) local_error = NULL;

  if (g_file_copy (file, backup, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA,
                   cancellable, NULL, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE; /* nothing to keep */

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* For the kill test only: with $BACKCHANNEL_TEST_SAVE_PAUSE set to a
 * number of seconds, a save writes its temporary file, says so on
 * standard error, and waits that long before the rename, so that a test
 * can kill the program in the middle of a save. Without the variable
 * this is never reached. */
static gboolean
write_with_pause (const char  *path,
                  const char  *data,
                  gsize        size,
                  int          mode,
                  guint        seconds,
                  GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR, mode);
  gsize done = 0;

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }

  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", tmp, g_strerror (saved_errno));
          return FALSE;
        }
      done += n;
    }
  fsync (fd);
  close (fd);

  g_printerr ("BACKCHANNEL_TEST_SAVE_PAUSE: wrote %s, waiting %u s before renaming it to %s\n",
              tmp, seconds, path);
  g_usleep ((gulong) seconds * G_USEC_PER_SEC);

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_case_write_file:
 * @self: a case
 * @file: where to write
 * @flags: %BC_WRITE_FLAGS_BACKUP keeps the old file as `FILE~`
 * @cancellable: (nullable): a #GCancellable
 * @error: an I/O error
 *
 * Saves atomically: the new content goes to a temporary file beside
 * @file, is flushed to disk, and is renamed over @file, so the old file
 * stays whole until the new one is complete. Where the folder does not
 * let a temporary file be made, the save fails rather than overwrite
 * @file in place (g_file_replace_contents() would fall back to that).
 * Files that are not local go through GIO's own replace. Marks the
 * history saved.
 */
gboolean
bc_case_write_file (BcCase        *self,
                    GFile         *file,
                    BcWriteFlags   flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (BC_IS_CASE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = bc_case_to_bytes (self);
  data = g_bytes_get_data (bytes, &size);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      GStatBuf st;
      int mode = 0666;
      const char *pause = g_getenv ("BACKCHANNEL_TEST_SAVE_PAUSE");

      if ((flags & BC_WRITE_FLAGS_BACKUP) != 0 && !make_backup (file, cancellable, error))
        return FALSE;

      /* Keep the permissions of the file being replaced. */
      if (g_stat (path, &st) == 0)
        mode = st.st_mode & 0777;

      if (pause != NULL && *pause != '\0')
        {
          if (!write_with_pause (path, data, size, mode, (guint) g_ascii_strtoull (pause, NULL, 10), error))
            return FALSE;
        }
      else if (!g_file_set_contents_full (path, data, (gssize) size,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     mode, error))
        return FALSE;
    }
  else if (!g_file_replace_contents (file, data, size, NULL,
                                     (flags & BC_WRITE_FLAGS_BACKUP) != 0,
                                     G_FILE_CREATE_NONE, NULL, cancellable, error))
    return FALSE;

  bc_history_mark_saved (bc_case_get_history (self));
  return TRUE;
}
