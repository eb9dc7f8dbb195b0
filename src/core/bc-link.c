/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-link"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-item-private.h"
#include "bc-link.h"

struct _BcLink
{
  GObject     parent_instance;

  char       *from;
  char       *to;
  BcLinkType  type;
};

G_DEFINE_FINAL_TYPE (BcLink, bc_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_LINK_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_link_finalize (GObject *object)
{
  BcLink *self = BC_LINK (object);

  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (bc_link_parent_class)->finalize (object);
}

static void
bc_link_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BcLink *self = BC_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_LINK_TYPE:
      g_value_set_enum (value, self->type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_link_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BcLink *self = BC_LINK (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_FROM:
      changed = _bc_set_string (&self->from, g_value_get_string (value));
      break;
    case PROP_TO:
      changed = _bc_set_string (&self->to, g_value_get_string (value));
      break;
    case PROP_LINK_TYPE:
      changed = self->type != (BcLinkType) g_value_get_enum (value);
      self->type = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bc_link_class_init (BcLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_link_finalize;
  object_class->get_property = bc_link_get_property;
  object_class->set_property = bc_link_set_property;

  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, flags);
  properties[PROP_LINK_TYPE] =
    g_param_spec_enum ("link-type", NULL, NULL, BC_TYPE_LINK_TYPE, BC_LINK_LEADS_TO, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_link_init (BcLink *self)
{
}

BcLink *
bc_link_new (const char *from,
             const char *to,
             BcLinkType  type)
{
  return g_object_new (BC_TYPE_LINK, "from", from, "to", to, "link-type", type, NULL);
}

const char *
bc_link_get_from (BcLink *self)
{
  g_return_val_if_fail (BC_IS_LINK (self), NULL);
  return self->from;
}

const char *
bc_link_get_to (BcLink *self)
{
  g_return_val_if_fail (BC_IS_LINK (self), NULL);
  return self->to;
}

BcLinkType
bc_link_get_link_type (BcLink *self)
{
  g_return_val_if_fail (BC_IS_LINK (self), BC_LINK_LEADS_TO);
  return self->type;
}
