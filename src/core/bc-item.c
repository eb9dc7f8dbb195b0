/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-item-private.h"

typedef struct
{
  char   *id;
  BcCase *owner; /* not a reference: the case owns its items */
} BcItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BcItem, bc_item, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (BcSourceRef, bc_source_ref, bc_source_ref_copy, bc_source_ref_free)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

/* g_set_str() arrived in GLib 2.76, after the baseline. */
gboolean
_bc_set_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
_bc_set_strv (char               ***field,
              const char * const   *value)
{
  if (*field == NULL && (value == NULL || value[0] == NULL))
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = (value != NULL && value[0] != NULL) ? g_strdupv ((char **) value) : NULL;
  return TRUE;
}

gboolean
_bc_set_ptr_array (GPtrArray **field,
                   GPtrArray  *value)
{
  if (*field == value)
    return FALSE;

  g_clear_pointer (field, g_ptr_array_unref);
  if (value != NULL)
    *field = g_ptr_array_ref (value);
  return TRUE;
}

gboolean
_bc_set_date (BcDate       *field,
              const BcDate *value)
{
  BcDate v = value ? *value : BC_DATE_UNSET;

  if (bc_date_equal (*field, v))
    return FALSE;

  *field = v;
  return TRUE;
}

void
_bc_value_set_date (GValue *value,
                    BcDate  date)
{
  g_value_set_boxed (value, bc_date_is_set (date) ? &date : NULL);
}

gboolean
_bc_source_refs_equal (GPtrArray *a,
                       GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      BcSourceRef *ra = g_ptr_array_index (a, i);
      BcSourceRef *rb = g_ptr_array_index (b, i);

      if (g_strcmp0 (ra->ref, rb->ref) != 0 || g_strcmp0 (ra->pages, rb->pages) != 0)
        return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
bc_item_finalize (GObject *object)
{
  BcItemPrivate *priv = bc_item_get_instance_private (BC_ITEM (object));

  g_free (priv->id);

  G_OBJECT_CLASS (bc_item_parent_class)->finalize (object);
}

static void
bc_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BcItemPrivate *priv = bc_item_get_instance_private (BC_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BcItemPrivate *priv = bc_item_get_instance_private (BC_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      if (g_strcmp0 (priv->id, g_value_get_string (value)) != 0)
        {
          g_free (priv->id);
          priv->id = g_value_dup_string (value);
          g_object_notify_by_pspec (object, properties[PROP_ID]);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_item_class_init (BcItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_item_finalize;
  object_class->get_property = bc_item_get_property;
  object_class->set_property = bc_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_item_init (BcItem *self)
{
}

/* Public API */

const char *
bc_item_get_id (BcItem *self)
{
  BcItemPrivate *priv = bc_item_get_instance_private (self);

  g_return_val_if_fail (BC_IS_ITEM (self), NULL);

  return priv->id;
}

/**
 * bc_item_get_case:
 * @self: an item
 *
 * Returns: (transfer none) (nullable): the case that holds @self
 */
BcCase *
bc_item_get_case (BcItem *self)
{
  BcItemPrivate *priv = bc_item_get_instance_private (self);

  g_return_val_if_fail (BC_IS_ITEM (self), NULL);

  return priv->owner;
}

const char *
bc_item_get_section (BcItem *self)
{
  g_return_val_if_fail (BC_IS_ITEM (self), NULL);

  return BC_ITEM_GET_CLASS (self)->section;
}

void
_bc_item_set_case (BcItem *self,
                   BcCase *owner)
{
  BcItemPrivate *priv = bc_item_get_instance_private (self);

  priv->owner = owner;
}

BcSourceRef *
bc_source_ref_new (const char *ref,
                   const char *pages)
{
  BcSourceRef *self = g_new0 (BcSourceRef, 1);

  self->ref = g_strdup (ref);
  self->pages = g_strdup (pages);
  return self;
}

BcSourceRef *
bc_source_ref_copy (const BcSourceRef *self)
{
  return bc_source_ref_new (self->ref, self->pages);
}

void
bc_source_ref_free (BcSourceRef *self)
{
  if (self == NULL)
    return;

  g_free (self->ref);
  g_free (self->pages);
  g_free (self);
}

/**
 * bc_source_refs_new:
 *
 * Returns: (transfer full): an empty array that frees its #BcSourceRef
 *   elements
 */
GPtrArray *
bc_source_refs_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bc_source_ref_free);
}
