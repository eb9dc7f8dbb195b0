/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-annotation"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-annotation.h"
#include "bc-item-private.h"

struct _BcAnnotation
{
  GObject  parent_instance;

  char    *author;
  char    *created;
  char    *about;
  char    *text;
};

G_DEFINE_FINAL_TYPE (BcAnnotation, bc_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_ABOUT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for (BcAnnotation *self,
           guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_AUTHOR:
      return &self->author;
    case PROP_CREATED:
      return &self->created;
    case PROP_ABOUT:
      return &self->about;
    case PROP_TEXT:
      return &self->text;
    default:
      return NULL;
    }
}

static void
bc_annotation_finalize (GObject *object)
{
  BcAnnotation *self = BC_ANNOTATION (object);

  g_free (self->author);
  g_free (self->created);
  g_free (self->about);
  g_free (self->text);

  G_OBJECT_CLASS (bc_annotation_parent_class)->finalize (object);
}

static void
bc_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  char **field = field_for (BC_ANNOTATION (object), prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_set_string (value, *field);
}

static void
bc_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  char **field = field_for (BC_ANNOTATION (object), prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_bc_set_string (field, g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
bc_annotation_class_init (BcAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_annotation_finalize;
  object_class->get_property = bc_annotation_get_property;
  object_class->set_property = bc_annotation_set_property;

  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_ABOUT] = g_param_spec_string ("about", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_annotation_init (BcAnnotation *self)
{
}

/**
 * bc_annotation_new:
 * @author: who wrote it
 * @created: RFC 3339 time in UTC, such as `2026-11-24T10:00:00Z`
 * @about: (nullable): the id the annotation is about, for case-level ones
 * @text: the annotation
 */
BcAnnotation *
bc_annotation_new (const char *author,
                   const char *created,
                   const char *about,
                   const char *text)
{
  return g_object_new (BC_TYPE_ANNOTATION,
                       "author", author,
                       "created", created,
                       "about", about,
                       "text", text,
                       NULL);
}

/* An annotation written now, stamped to the second in UTC. */
BcAnnotation *
bc_annotation_new_now (const char *author,
                       const char *about,
                       const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return bc_annotation_new (author, created, about, text);
}

const char *
bc_annotation_get_author (BcAnnotation *self)
{
  g_return_val_if_fail (BC_IS_ANNOTATION (self), NULL);
  return self->author;
}

const char *
bc_annotation_get_created (BcAnnotation *self)
{
  g_return_val_if_fail (BC_IS_ANNOTATION (self), NULL);
  return self->created;
}

const char *
bc_annotation_get_about (BcAnnotation *self)
{
  g_return_val_if_fail (BC_IS_ANNOTATION (self), NULL);
  return self->about;
}

const char *
bc_annotation_get_text (BcAnnotation *self)
{
  g_return_val_if_fail (BC_IS_ANNOTATION (self), NULL);
  return self->text;
}
