/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-story-step"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-case.h"
#include "bc-item-private.h"
#include "bc-story-step.h"

/* One step of a case's guided story: the case as known on a date, some
 * items in focus, and what to say about them, with its evidence. A step
 * has no id: commands find it by its place in the story ("#story/3"). */
struct _BcStoryStep
{
  GObject    parent_instance;

  BcDate     known_on;
  char     **focus;
  char      *caption;
  GPtrArray *sources;
};

G_DEFINE_FINAL_TYPE (BcStoryStep, bc_story_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KNOWN_ON,
  PROP_FOCUS,
  PROP_CAPTION,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
bc_story_step_finalize (GObject *object)
{
  BcStoryStep *self = BC_STORY_STEP (object);

  g_strfreev (self->focus);
  g_free (self->caption);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_story_step_parent_class)->finalize (object);
}

static void
bc_story_step_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BcStoryStep *self = BC_STORY_STEP (object);

  switch (prop_id)
    {
    case PROP_KNOWN_ON:
      _bc_value_set_date (value, self->known_on);
      break;
    case PROP_FOCUS:
      g_value_set_boxed (value, self->focus);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_story_step_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BcStoryStep *self = BC_STORY_STEP (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_KNOWN_ON:
      changed = _bc_set_date (&self->known_on, g_value_get_boxed (value));
      break;
    case PROP_FOCUS:
      changed = _bc_set_strv (&self->focus, g_value_get_boxed (value));
      break;
    case PROP_CAPTION:
      changed = _bc_set_string (&self->caption, g_value_get_string (value));
      break;
    case PROP_SOURCES:
      changed = _bc_set_ptr_array (&self->sources, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bc_story_step_class_init (BcStoryStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_story_step_finalize;
  object_class->get_property = bc_story_step_get_property;
  object_class->set_property = bc_story_step_set_property;

  properties[PROP_KNOWN_ON] = g_param_spec_boxed ("known-on", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_FOCUS] = g_param_spec_boxed ("focus", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_story_step_init (BcStoryStep *self)
{
  self->known_on = BC_DATE_UNSET;
}

/* Public API */

/**
 * bc_story_step_new:
 * @known_on: the date the case is shown as known on
 * @focus: (nullable): ids of the actors, events and transfers in focus
 * @caption: what the step says
 *
 * Returns: (transfer full): a step, in no case yet
 */
BcStoryStep *
bc_story_step_new (BcDate              known_on,
                   const char * const *focus,
                   const char         *caption)
{
  return g_object_new (BC_TYPE_STORY_STEP,
                       "known-on", bc_date_is_set (known_on) ? &known_on : NULL,
                       "focus", focus,
                       "caption", caption,
                       NULL);
}

BcDate
bc_story_step_get_known_on (BcStoryStep *self)
{
  g_return_val_if_fail (BC_IS_STORY_STEP (self), BC_DATE_UNSET);
  return self->known_on;
}

/**
 * bc_story_step_get_focus:
 * @self: a step
 *
 * Returns: (transfer none) (nullable): the ids in focus
 */
const char * const *
bc_story_step_get_focus (BcStoryStep *self)
{
  g_return_val_if_fail (BC_IS_STORY_STEP (self), NULL);
  return (const char * const *) self->focus;
}

const char *
bc_story_step_get_caption (BcStoryStep *self)
{
  g_return_val_if_fail (BC_IS_STORY_STEP (self), NULL);
  return self->caption;
}

/**
 * bc_story_step_get_sources:
 * @self: a step
 *
 * Returns: (transfer none) (nullable) (element-type BcSourceRef): the
 *   sources the step rests on; do not modify, set a new array instead
 */
GPtrArray *
bc_story_step_get_sources (BcStoryStep *self)
{
  g_return_val_if_fail (BC_IS_STORY_STEP (self), NULL);
  return self->sources;
}

/* @text on one line: citations are often wrapped in the file. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
}

static gboolean
cites_page (const char *citation,
            const char *pages)
{
  g_autofree char *page = g_strdup_printf ("p. %s", pages);
  g_autofree char *inside = g_strdup_printf ("p. %s,", pages);

  return g_str_has_suffix (citation, page) || strstr (citation, inside) != NULL;
}

/**
 * bc_story_step_format_sources:
 * @self: a step
 * @kase: the case that holds it
 *
 * The step's evidence as a reader sees it under the caption: each
 * source's citation with the pages cited, separated by semicolons.
 *
 * Returns: (transfer full): the text, empty when the step cites nothing
 */
char *
bc_story_step_format_sources (BcStoryStep *self,
                              BcCase      *kase)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BC_IS_STORY_STEP (self), NULL);

  for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (self->sources, i);
      BcSource *source = bc_case_lookup_source (kase, ref->ref);
      const char *citation = source ? bc_source_get_citation (source) : NULL;
      GString *one = g_string_new (NULL);

      append_one_line (one, citation && *citation ? citation : ref->ref);
      if (one->len > 0 && one->str[one->len - 1] == '.')
        g_string_truncate (one, one->len - 1);
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, one->str);
      /* Some citations of an article already end with its page. */
      if (ref->pages != NULL && *ref->pages != '\0' && !cites_page (one->str, ref->pages))
        /* TRANSLATORS: the pages of a source a story step cites */
        g_string_append_printf (out, _(", p. %s"), ref->pages);
      g_string_free (one, TRUE);
    }
  return g_string_free (out, FALSE);
}

/**
 * bc_story_step_format_title:
 * @self: a step
 * @position: its place in the story, from 0
 * @n_steps: how many steps the story has
 *
 * Returns: (transfer full): “Step 3 of 10 · as known on 1993-08-31”
 */
char *
bc_story_step_format_title (BcStoryStep *self,
                            guint        position,
                            guint        n_steps)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (BC_IS_STORY_STEP (self), NULL);

  date = bc_date_to_string (self->known_on);
  /* TRANSLATORS: the heading of a step of a case's story */
  return g_strdup_printf (_("Step %u of %u · as known on %s"), position + 1, n_steps,
                          date ? date : "");
}
