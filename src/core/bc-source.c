/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-source"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-item-private.h"
#include "bc-source.h"

struct _BcSource
{
  BcItem        parent_instance;

  BcSourceType  type;
  char         *citation;
  char         *url;
};

G_DEFINE_FINAL_TYPE (BcSource, bc_source, BC_TYPE_ITEM)

enum {
  PROP_0,
  PROP_SOURCE_TYPE,
  PROP_CITATION,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_source_finalize (GObject *object)
{
  BcSource *self = BC_SOURCE (object);

  g_free (self->citation);
  g_free (self->url);

  G_OBJECT_CLASS (bc_source_parent_class)->finalize (object);
}

static void
bc_source_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BcSource *self = BC_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_source_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BcSource *self = BC_SOURCE (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_SOURCE_TYPE:
      changed = self->type != (BcSourceType) g_value_get_enum (value);
      self->type = g_value_get_enum (value);
      break;
    case PROP_CITATION:
      changed = _bc_set_string (&self->citation, g_value_get_string (value));
      break;
    case PROP_URL:
      changed = _bc_set_string (&self->url, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bc_source_class_init (BcSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BcItemClass *item_class = BC_ITEM_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_source_finalize;
  object_class->get_property = bc_source_get_property;
  object_class->set_property = bc_source_set_property;

  item_class->section = "sources";

  properties[PROP_SOURCE_TYPE] =
    g_param_spec_enum ("source-type", NULL, NULL, BC_TYPE_SOURCE_TYPE, BC_SOURCE_BOOK, flags);
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_source_init (BcSource *self)
{
}

BcSource *
bc_source_new (const char   *id,
               BcSourceType  type,
               const char   *citation)
{
  return g_object_new (BC_TYPE_SOURCE,
                       "id", id,
                       "source-type", type,
                       "citation", citation,
                       NULL);
}

BcSourceType
bc_source_get_source_type (BcSource *self)
{
  g_return_val_if_fail (BC_IS_SOURCE (self), BC_SOURCE_OTHER);
  return self->type;
}

const char *
bc_source_get_citation (BcSource *self)
{
  g_return_val_if_fail (BC_IS_SOURCE (self), NULL);
  return self->citation;
}

const char *
bc_source_get_url (BcSource *self)
{
  g_return_val_if_fail (BC_IS_SOURCE (self), NULL);
  return self->url;
}
