/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-document"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-bundled.h"
#include "bc-document.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-writer.h"

/* Autosave: this long after the last change, so that typing does not
 * write at every key, but at most this long after the first change not
 * yet autosaved, so that continuous editing is kept too. */
#define AUTOSAVE_DELAY_MS     5000
#define AUTOSAVE_MAX_DELAY_MS 30000

/* BcDocument: a case and where it lives, as gnome-text-editor's
 * EditorDocument is a buffer and its file. It reads the file in a
 * worker thread, watches it on disk (etag and monitor), saves it
 * atomically, autosaves unsaved changes to a recovery entry of its own
 * (never to the file), and knows a bundled example is read-only: its
 * first edit makes it an untitled copy. The window shows a document and
 * asks the user the questions; the document decides nothing for them. */
struct _BcDocument
{
  GObject       parent_instance;

  BcCase       *kase;
  BcHistory    *history;          /* the case's, watched */
  GFile        *file;
  GFile        *copy_of;          /* an untitled copy: of which file */
  char         *etag;             /* of the file as last read or written */
  GFileMonitor *monitor;
  gboolean      read_only;        /* a bundled example */
  gboolean      changed_on_disk;
  gboolean      recovered;        /* unsaved since it was recovered */
  gboolean      forced_modified;  /* unsaved, though its history is not */

  char         *recovery_id;      /* its autosaved copy, once written */
  guint         autosave_id;
  gint64        first_unsaved;    /* monotonic µs; 0: all autosaved */

  GFile        *loading;          /* while a load runs */
};

G_DEFINE_FINAL_TYPE (BcDocument, bc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_FILE,
  PROP_COPY_OF,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  PROP_RECOVERED,
  PROP_CHANGED_ON_DISK,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
notify (BcDocument *self,
        guint       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_changed_on_disk (BcDocument *self,
                     gboolean    changed)
{
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  notify (self, PROP_CHANGED_ON_DISK);
}

static void
stop_monitor (BcDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->etag, g_free);
}

/* Our own saves change the etag too; only a change we did not write
 * counts. */
static void
file_changed_on_disk (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      BcDocument        *self)
{
  g_autofree char *etag = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  etag = query_etag (self->file);
  if (g_strcmp0 (etag, self->etag) == 0)
    return;
  set_changed_on_disk (self, TRUE);
}

static void
set_file (BcDocument *self,
          GFile      *file)
{
  gboolean read_only = file != NULL && bc_bundled_contains (file);

  stop_monitor (self);
  g_set_object (&self->file, file);
  set_changed_on_disk (self, FALSE);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      notify (self, PROP_READ_ONLY);
    }

  if (file != NULL && !read_only)
    {
      self->etag = query_etag (file);
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_on_disk), self);
    }
  notify (self, PROP_FILE);
}

static void
drop_recovery (BcDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->first_unsaved = 0;

  if (self->recovery_id != NULL && !bc_recovery_discard_id (self->recovery_id, &error))
    g_warning ("%s", error->message);
  g_clear_pointer (&self->recovery_id, g_free);
}

static gboolean
autosave_timeout (gpointer data)
{
  BcDocument *self = data;

  self->autosave_id = 0;
  bc_document_autosave (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (BcDocument *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 due;

  if (!bc_document_get_modified (self))
    return;

  if (self->first_unsaved == 0)
    self->first_unsaved = now;
  due = MIN (now + AUTOSAVE_DELAY_MS * 1000, self->first_unsaved + AUTOSAVE_MAX_DELAY_MS * 1000);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (MAX (0, (due - now) / 1000), autosave_timeout, self);
  g_source_set_name_by_id (self->autosave_id, "[backchannel] autosave");
}

/* Callbacks */

/* An example case is read-only: the first edit makes it an untitled copy,
 * which Save asks a name for. */
static void
history_changed (BcHistory  *history,
                 GParamSpec *pspec,
                 BcDocument *self)
{
  if (!g_str_equal (pspec->name, "modified"))
    return;

  if (self->read_only && bc_history_get_modified (history))
    {
      g_autoptr(GFile) original = g_object_ref (self->file);

      drop_recovery (self);
      g_set_object (&self->copy_of, original);
      set_file (self, NULL);
      notify (self, PROP_COPY_OF);
    }

  /* Back to the case as saved: there is nothing to recover. */
  if (!bc_document_get_modified (self))
    drop_recovery (self);
  else
    schedule_autosave (self);
  notify (self, PROP_MODIFIED);
}

static void
case_changed (BcCase       *kase,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcDocument   *self)
{
  schedule_autosave (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *display = g_file_get_parse_name (file);
  BcDocumentPrepareFunc prepare = g_object_get_data (G_OBJECT (task), "bc-prepare");
  gpointer prepare_data = g_object_get_data (G_OBJECT (task), "bc-prepare-data");
  GPtrArray *diagnostics = NULL;
  GError *error = NULL;
  BcCase *kase = bc_case_read_file (file, display, &diagnostics, &error);

  if (diagnostics != NULL)
    g_object_set_data_full (G_OBJECT (task), "bc-diagnostics", diagnostics,
                            (GDestroyNotify) g_ptr_array_unref);
  if (kase == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (prepare != NULL)
    prepare (kase, prepare_data);
  g_task_return_pointer (task, kase, g_object_unref);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BcDocument *self = BC_DOCUMENT (object);
  GTask *task = G_TASK (result);
  GAsyncReadyCallback callback = g_object_get_data (G_OBJECT (task), "bc-callback");
  gpointer callback_data = g_object_get_data (G_OBJECT (task), "bc-callback-data");

  g_clear_object (&self->loading);
  notify (self, PROP_LOADING);
  if (callback != NULL)
    callback (object, result, callback_data);
}

/* GObject */

static void
set_case_internal (BcDocument *self,
                   BcCase     *kase)
{
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, case_changed, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_changed, self);
  g_set_object (&self->kase, kase);
  g_set_object (&self->history, (kase != NULL ? bc_case_get_history (kase) : NULL));
  if (kase != NULL)
    g_signal_connect (kase, "changed", G_CALLBACK (case_changed), self);
  if (self->history != NULL)
    g_signal_connect (self->history, "notify", G_CALLBACK (history_changed), self);
}

static void
bc_document_dispose (GObject *object)
{
  BcDocument *self = BC_DOCUMENT (object);

  /* A document that goes with unsaved changes keeps its autosaved copy,
   * for the next start to offer: bc_document_discard_recovery() is the
   * caller's decision. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_pointer (&self->recovery_id, g_free);
  stop_monitor (self);
  set_case_internal (self, NULL);
  g_clear_object (&self->file);
  g_clear_object (&self->copy_of);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (bc_document_parent_class)->dispose (object);
}

static void
bc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BcDocument *self = BC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_COPY_OF:
      g_value_set_object (value, self->copy_of);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bc_document_get_modified (self));
      break;
    case PROP_RECOVERED:
      g_value_set_boolean (value, self->recovered);
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_document_class_init (BcDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bc_document_dispose;
  object_class->get_property = bc_document_get_property;

  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_COPY_OF] = g_param_spec_object ("copy-of", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_RECOVERED] = g_param_spec_boolean ("recovered", NULL, NULL, FALSE, flags);
  properties[PROP_CHANGED_ON_DISK] = g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_document_init (BcDocument *self)
{
}

/* Public API */

BcDocument *
bc_document_new (void)
{
  return g_object_new (BC_TYPE_DOCUMENT, NULL);
}

/**
 * bc_document_load_async:
 * @self: a document
 * @file: a case file
 * @prepare: (nullable) (scope call): called in the loading thread with the
 *   case read
 * @prepare_data: for @prepare
 * @cancellable: (nullable): to give up
 * @callback: called in the main context once read or refused
 * @user_data: for @callback
 *
 * Reads @file in a worker thread, so that the window never waits for a
 * large file. The case is not shown until the caller hands it to
 * bc_document_set_case() (an example may be opened as a copy).
 */
void
bc_document_load_async (BcDocument            *self,
                        GFile                 *file,
                        BcDocumentPrepareFunc  prepare,
                        gpointer               prepare_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BC_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, load_done, NULL);
  g_task_set_source_tag (task, bc_document_load_async);
  g_task_set_name (task, "[backchannel] load case");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "bc-prepare", prepare);
  g_object_set_data (G_OBJECT (task), "bc-prepare-data", prepare_data);
  g_object_set_data (G_OBJECT (task), "bc-callback", callback);
  g_object_set_data (G_OBJECT (task), "bc-callback-data", user_data);

  g_set_object (&self->loading, file);
  notify (self, PROP_LOADING);
  g_task_run_in_thread (task, load_thread);
}

/**
 * bc_document_load_finish:
 * @self: a document
 * @result: the result given to the callback
 * @diagnostics: (out) (optional) (transfer container) (element-type BcDiagnostic):
 *   what is wrong with the file, when it was refused
 * @error: why it was not read
 *
 * Returns: (transfer full) (nullable): the case read
 */
BcCase *
bc_document_load_finish (BcDocument    *self,
                         GAsyncResult  *result,
                         GPtrArray    **diagnostics,
                         GError       **error)
{
  GPtrArray *found;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  found = g_object_get_data (G_OBJECT (result), "bc-diagnostics");
  if (diagnostics != NULL)
    *diagnostics = found ? g_ptr_array_ref (found) : NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
bc_document_get_loading (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->loading != NULL;
}

/**
 * bc_document_get_loading_file:
 *
 * Returns: (transfer none) (nullable): the file being read
 */
GFile *
bc_document_get_loading_file (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), NULL);
  return self->loading;
}

/**
 * bc_document_wait_loaded:
 * @self: a document
 *
 * Runs the main context until a load that runs has ended and its
 * callback has been called. For a case read ahead while the program
 * starts, before any window shows.
 */
void
bc_document_wait_loaded (BcDocument *self)
{
  g_return_if_fail (BC_IS_DOCUMENT (self));

  while (self->loading != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * bc_document_set_case:
 * @self: a document
 * @kase: the case
 * @file: (nullable): where it was read from; %NULL for an untitled case
 * @copy_of: (nullable): the file an untitled copy was made from
 * @modified: whether it has changes its history does not know of (a
 *   copy of an edited case)
 */
void
bc_document_set_case (BcDocument *self,
                      BcCase     *kase,
                      GFile      *file,
                      GFile      *copy_of,
                      gboolean    modified)
{
  g_return_if_fail (BC_IS_DOCUMENT (self));
  g_return_if_fail (BC_IS_CASE (kase));

  g_object_freeze_notify (G_OBJECT (self));
  drop_recovery (self);
  set_case_internal (self, kase);
  set_file (self, file);
  g_set_object (&self->copy_of, copy_of);
  self->forced_modified = modified;
  self->recovered = FALSE;
  notify (self, PROP_CASE);
  notify (self, PROP_COPY_OF);
  notify (self, PROP_MODIFIED);
  notify (self, PROP_RECOVERED);
  g_object_thaw_notify (G_OBJECT (self));
  if (modified)
    schedule_autosave (self);
}

/**
 * bc_document_adopt_recovery:
 * @self: a document
 * @entry: a recovery entry
 * @error: why the entry cannot be read
 *
 * Takes the case of @entry as an unsaved document bound to its original
 * file (or untitled, for an example): nothing is written until the user
 * saves, and when the original changed on disk since, changed-on-disk is
 * set, so that saving asks first. The document takes the entry over.
 */
gboolean
bc_document_adopt_recovery (BcDocument       *self,
                            BcRecoveryEntry  *entry,
                            GError          **error)
{
  g_autoptr(BcCase) loaded = NULL;
  GFile *original;

  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);

  loaded = bc_recovery_entry_load (entry, error);
  if (loaded == NULL)
    return FALSE;

  original = bc_recovery_entry_get_original (entry);
  if (original != NULL && bc_bundled_contains (original))
    bc_document_set_case (self, loaded, NULL, original, TRUE);
  else
    bc_document_set_case (self, loaded, original, NULL, TRUE);
  self->recovered = TRUE;

  /* The file as the case last knew it. */
  if (self->file != NULL && bc_recovery_entry_original_changed (entry))
    {
      g_free (self->etag);
      self->etag = g_strdup (bc_recovery_entry_get_original_etag (entry));
      set_changed_on_disk (self, TRUE);
    }

  /* Under this process's id from now on. */
  self->recovery_id = g_strdup (bc_recovery_entry_get_id (entry));
  bc_document_autosave (self);
  notify (self, PROP_RECOVERED);
  return TRUE;
}

BcCase *
bc_document_get_case (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), NULL);
  return self->kase;
}

GFile *
bc_document_get_file (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), NULL);
  return self->file;
}

GFile *
bc_document_get_copy_of (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), NULL);
  return self->copy_of;
}

gboolean
bc_document_get_read_only (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
bc_document_get_modified (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->kase != NULL &&
         (self->forced_modified || (self->history != NULL && bc_history_get_modified (self->history)));
}

gboolean
bc_document_get_recovered (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->recovered;
}

gboolean
bc_document_get_changed_on_disk (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->changed_on_disk;
}

/**
 * bc_document_save_to:
 * @self: a document with a case
 * @file: where to write it: its own file, or another (Save As)
 * @error: why it was not written
 *
 * Writes the case atomically (the old file stays whole until the new one
 * is complete). The case is then saved: not modified, no longer a copy
 * or recovered, its autosaved copy gone; it now lives in @file. An
 * example case cannot be written over.
 */
gboolean
bc_document_save_to (BcDocument  *self,
                     GFile       *file,
                     GError     **error)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->kase == NULL || bc_bundled_contains (file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The example cases are read-only: choose another name"));
      return FALSE;
    }

  if (!bc_case_write_file (self->kase, file, BC_WRITE_FLAGS_NONE, NULL, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  bc_history_mark_saved (self->history);
  self->forced_modified = FALSE;
  if (self->recovered)
    {
      self->recovered = FALSE;
      notify (self, PROP_RECOVERED);
    }
  if (self->copy_of != NULL)
    {
      g_clear_object (&self->copy_of);
      notify (self, PROP_COPY_OF);
    }
  drop_recovery (self);

  if (self->file == NULL || !g_file_equal (file, self->file))
    set_file (self, file);
  else
    {
      g_free (self->etag);
      self->etag = query_etag (file);
      set_changed_on_disk (self, FALSE);
    }
  notify (self, PROP_MODIFIED);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * bc_document_autosave:
 * @self: a document
 *
 * Writes the unsaved case to its recovery entry now.
 *
 * Returns: whether something was written
 */
gboolean
bc_document_autosave (BcDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->first_unsaved = 0;

  if (!bc_document_get_modified (self))
    return FALSE;

  if (self->recovery_id == NULL)
    self->recovery_id = bc_recovery_new_id ();

  if (!bc_recovery_save (self->recovery_id, self->kase, self->file, self->etag, &error))
    {
      g_warning ("Could not autosave the case: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bc_document_get_autosave_pending (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), FALSE);
  return self->autosave_id != 0;
}

const char *
bc_document_get_recovery_id (BcDocument *self)
{
  g_return_val_if_fail (BC_IS_DOCUMENT (self), NULL);
  return self->recovery_id;
}

/**
 * bc_document_discard_recovery:
 * @self: a document
 *
 * The user chose to lose the unsaved changes, or there are none: the
 * autosaved copy goes.
 */
void
bc_document_discard_recovery (BcDocument *self)
{
  g_return_if_fail (BC_IS_DOCUMENT (self));
  drop_recovery (self);
}
