/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-inspector-private.h"

/* The case's own details, shown while no item is selected. */

/* Auxiliary functions */

static char *
read_authors (BcInspectorField *field)
{
  const char * const *authors = bc_case_get_authors (BC_CASE (field->object));

  return authors != NULL ? g_strjoinv ("; ", (char **) authors) : g_strdup ("");
}

static gboolean
commit_authors (BcInspectorField  *field,
                const char        *text,
                GError           **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) authors = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char * const *current = bc_case_get_authors (BC_CASE (field->object));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  authors = g_strv_builder_end (builder);

  if ((current == NULL || current[0] == NULL) ? authors[0] == NULL
                                              : g_strv_equal (current, (const char * const *) authors))
    return TRUE;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, authors[0] != NULL ? authors : NULL);
  return _bc_inspector_set_property (field->inspector, field->object, "authors", &value, error);
}

/* Callbacks */

static void
build_details (BcInspectorSection *section)
{
  GObject *object = section->object;
  BcInspectorField *authors;

  _bc_inspector_add_entry (section, NULL, object, "title", NULL, _("Title"));
  _bc_inspector_add_text (section, object, "summary", NULL, _("Summary"));
  _bc_inspector_add_entry (section, NULL, object, "period-start", NULL, _("Period start"));
  _bc_inspector_add_entry (section, NULL, object, "period-end", NULL, _("Period end"));
  _bc_inspector_add_entry (section, NULL, object, "region", NULL, _("Region"));
  authors = _bc_inspector_add_entry (section, NULL, object, "authors", NULL, _("Authors, separated by “;”"));
  authors->read = read_authors;
  authors->check = NULL;
  authors->commit = commit_authors;
  _bc_inspector_add_entry (section, NULL, object, "license", NULL, _("Licence (SPDX identifier)"));
  _bc_inspector_add_entry (section, NULL, object, "language", NULL, _("Language"));
  _bc_inspector_add_entry (section, NULL, object, "id", NULL, _("Identifier"));
}

/* Private API */

void
_bc_inspector_show_case (BcInspector *self,
                         BcCase      *case_)
{
  _bc_inspector_add_section (self, G_OBJECT (case_), _("Case Details"), build_details, NULL, NULL, NULL);
  _bc_inspector_add_annotations (self, G_OBJECT (case_));
}
