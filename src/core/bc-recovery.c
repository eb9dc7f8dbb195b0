/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-recovery"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>
#endif

#include "bc-reader.h"
#include "bc-recovery.h"
#include "bc-writer.h"

/* Unsaved cases, kept where a crash cannot take them: each entry is a
 * case file written through the writer, ID.bcase, and a small key file
 * beside it, ID.recovery, that says what the case was (its original
 * file, or none for an untitled case), its title, when it was saved and
 * by which process. The key file is written last, so an entry is listed
 * only once its case is whole; both are replaced atomically. */

#define GROUP           "Recovery"
#define KEY_ORIGINAL    "Original"
#define KEY_ETAG        "OriginalEtag"
#define KEY_TITLE       "Title"
#define KEY_SAVED       "Saved"
#define KEY_PID         "Pid"
#define CASE_SUFFIX     ".bcase"
#define SIDECAR_SUFFIX  ".recovery"

struct _BcRecoveryEntry
{
  GObject    parent_instance;

  char      *id;
  GFile     *file;
  GFile     *original;
  char      *original_etag;
  char      *title;
  GDateTime *saved;
  GPid       pid;
};

G_DEFINE_FINAL_TYPE (BcRecoveryEntry, bc_recovery_entry, G_TYPE_OBJECT)

/* Auxiliary functions */

/* Ids name files: only what bc_recovery_new_id() makes is accepted, so a
 * crafted id cannot reach outside the folder. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
entry_path (const char *id,
            const char *suffix)
{
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir_path, name, NULL);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
process_is_running (GPid pid)
{
#ifdef G_OS_UNIX
  if (pid <= 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  return kill (pid, 0) == 0 || errno == EPERM;
#else
  return FALSE;
#endif
}

static gboolean
remove_if_present (const char  *path,
                   GError     **error)
{
  if (g_remove (path) == 0 || errno == ENOENT)
    return TRUE;

  {
    int saved_errno = errno;
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not remove the recovery file “%s”: %s"), display, g_strerror (saved_errno));
  }
  return FALSE;
}

static BcRecoveryEntry *
entry_load (const char *id)
{
  g_autofree char *sidecar = entry_path (id, SIDECAR_SUFFIX);
  g_autofree char *case_path = entry_path (id, CASE_SUFFIX);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  BcRecoveryEntry *self;

  if (!g_file_test (case_path, G_FILE_TEST_IS_REGULAR) ||
      !g_key_file_load_from_file (keys, sidecar, G_KEY_FILE_NONE, &error))
    return NULL;

  self = g_object_new (BC_TYPE_RECOVERY_ENTRY, NULL);
  self->id = g_strdup (id);
  self->file = g_file_new_for_path (case_path);
  original = g_key_file_get_string (keys, GROUP, KEY_ORIGINAL, NULL);
  if (original != NULL && *original != '\0')
    self->original = g_file_new_for_uri (original);
  self->original_etag = g_key_file_get_string (keys, GROUP, KEY_ETAG, NULL);
  self->title = g_key_file_get_string (keys, GROUP, KEY_TITLE, NULL);
  saved = g_key_file_get_string (keys, GROUP, KEY_SAVED, NULL);
  if (saved != NULL)
    self->saved = g_date_time_new_from_iso8601 (saved, NULL);
  if (self->saved == NULL)
    self->saved = g_date_time_new_now_utc ();
  self->pid = (GPid) g_key_file_get_int64 (keys, GROUP, KEY_PID, NULL);

  return self;
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  BcRecoveryEntry *ea = *(BcRecoveryEntry **) a;
  BcRecoveryEntry *eb = *(BcRecoveryEntry **) b;

  return g_date_time_compare (eb->saved, ea->saved);
}

/* GObject */

static void
bc_recovery_entry_finalize (GObject *object)
{
  BcRecoveryEntry *self = BC_RECOVERY_ENTRY (object);

  g_free (self->id);
  g_clear_object (&self->file);
  g_clear_object (&self->original);
  g_free (self->original_etag);
  g_free (self->title);
  g_clear_pointer (&self->saved, g_date_time_unref);

  G_OBJECT_CLASS (bc_recovery_entry_parent_class)->finalize (object);
}

static void
bc_recovery_entry_class_init (BcRecoveryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_recovery_entry_finalize;
}

static void
bc_recovery_entry_init (BcRecoveryEntry *self)
{
}

/* Public API */

/**
 * bc_recovery_get_dir:
 *
 * Returns: (transfer full): the folder of recovery entries,
 *   `$XDG_DATA_HOME/backchannel/recovery`; it may not exist yet
 */
GFile *
bc_recovery_get_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "backchannel", "recovery", NULL);

  return g_file_new_for_path (path);
}

/**
 * bc_recovery_new_id:
 *
 * Returns: (transfer full): a fresh id for one unsaved case
 */
char *
bc_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * bc_recovery_save:
 * @id: the entry, from bc_recovery_new_id()
 * @case_: the case as it is now
 * @original: (nullable): the file the case belongs to; %NULL when untitled
 * @original_etag: (nullable): the etag of @original as the case was read
 *   or last saved, to tell later whether another program changed it
 * @error: an I/O error
 *
 * Writes @case_ to the recovery entry @id, replacing what it held. The
 * case's history is left alone: the case stays unsaved.
 */
gboolean
bc_recovery_save (const char  *id,
                  BcCase      *case_,
                  GFile       *original,
                  const char  *original_etag,
                  GError     **error)
{
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *case_path = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *keys_data = NULL;
  gsize keys_size;

  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (BC_IS_CASE (case_), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"), dir_path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Not bc_case_write_file(): that marks the history saved. */
  bytes = bc_case_to_bytes (case_);
  case_path = entry_path (id, CASE_SUFFIX);
  if (!g_file_set_contents_full (case_path, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (keys, GROUP, KEY_ORIGINAL, uri);
      if (original_etag != NULL)
        g_key_file_set_string (keys, GROUP, KEY_ETAG, original_etag);
    }
  g_key_file_set_string (keys, GROUP, KEY_TITLE, bc_case_get_title (case_) ?: "");
  g_key_file_set_string (keys, GROUP, KEY_SAVED, saved);
#ifdef G_OS_UNIX
  g_key_file_set_int64 (keys, GROUP, KEY_PID, getpid ());
#endif

  keys_data = g_key_file_to_data (keys, &keys_size, NULL);
  sidecar = entry_path (id, SIDECAR_SUFFIX);
  return g_file_set_contents_full (sidecar, keys_data, (gssize) keys_size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * bc_recovery_discard_id:
 * @id: an entry
 * @error: an I/O error
 *
 * Removes the entry @id, if there is one.
 */
gboolean
bc_recovery_discard_id (const char  *id,
                        GError     **error)
{
  g_autofree char *sidecar = NULL;
  g_autofree char *case_path = NULL;

  g_return_val_if_fail (id_is_valid (id), FALSE);

  /* The key file first: without it, what is left is never listed. */
  sidecar = entry_path (id, SIDECAR_SUFFIX);
  case_path = entry_path (id, CASE_SUFFIX);
  return remove_if_present (sidecar, error) && remove_if_present (case_path, error);
}

/**
 * bc_recovery_list:
 * @orphaned_only: only the entries of processes that no longer run
 *
 * Returns: (transfer full) (element-type BcRecoveryEntry): the entries,
 *   the most recently saved first
 */
GPtrArray *
bc_recovery_list (gboolean orphaned_only)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GDir) listing = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (listing == NULL)
    return entries;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *id = NULL;
      BcRecoveryEntry *entry;

      if (!g_str_has_suffix (name, SIDECAR_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (SIDECAR_SUFFIX));
      if (!id_is_valid (id) || (entry = entry_load (id)) == NULL)
        continue;
      if (orphaned_only && !bc_recovery_entry_is_orphaned (entry))
        {
          g_object_unref (entry);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_saved);
  return entries;
}

/**
 * bc_recovery_lookup:
 * @id: an entry
 *
 * Returns: (transfer full) (nullable): the entry @id, if it exists
 */
BcRecoveryEntry *
bc_recovery_lookup (const char *id)
{
  return id_is_valid (id) ? entry_load (id) : NULL;
}

const char *
bc_recovery_entry_get_id (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->id;
}

/* The recovery copy of the case. */
GFile *
bc_recovery_entry_get_file (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->file;
}

/* The file the case belongs to, or %NULL for an untitled case. */
GFile *
bc_recovery_entry_get_original (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->original;
}

const char *
bc_recovery_entry_get_original_etag (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->original_etag;
}

const char *
bc_recovery_entry_get_title (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->title;
}

GDateTime *
bc_recovery_entry_get_saved (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);
  return self->saved;
}

GPid
bc_recovery_entry_get_pid (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), 0);
  return self->pid;
}

/**
 * bc_recovery_entry_is_orphaned:
 * @self: an entry
 *
 * Whether the process that saved @self no longer runs: its case is not
 * open anywhere, and only recovering it can bring it back. A process id
 * that the system has since given to another program hides the entry
 * until that program ends, which errs on the side of keeping it.
 */
gboolean
bc_recovery_entry_is_orphaned (BcRecoveryEntry *self)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), FALSE);
  return !process_is_running (self->pid);
}

/**
 * bc_recovery_entry_original_changed:
 * @self: an entry
 *
 * Whether the original file changed on disk (or went away) since the
 * case was read or last saved from it. Always %FALSE for an untitled case.
 */
gboolean
bc_recovery_entry_original_changed (BcRecoveryEntry *self)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), FALSE);

  if (self->original == NULL)
    return FALSE;

  etag = query_etag (self->original);
  return etag == NULL || g_strcmp0 (etag, self->original_etag) != 0;
}

/**
 * bc_recovery_entry_load:
 * @self: an entry
 * @error: why the recovery copy cannot be read
 *
 * Returns: (transfer full) (nullable): the case as it was last autosaved
 */
BcCase *
bc_recovery_entry_load (BcRecoveryEntry  *self,
                        GError          **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), NULL);

  display = g_file_get_parse_name (self->file);
  return bc_case_read_file (self->file, display, NULL, error);
}

gboolean
bc_recovery_entry_discard (BcRecoveryEntry  *self,
                           GError          **error)
{
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (self), FALSE);
  return bc_recovery_discard_id (self->id, error);
}
