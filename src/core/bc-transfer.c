/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-annotation.h"
#include "bc-enum-types.h"
#include "bc-item-private.h"
#include "bc-transfer-private.h"

struct _BcTransfer
{
  BcItem            parent_instance;

  char             *from;
  char             *to;
  BcMechanism       mechanism;
  BcTransferStatus  status;
  BcDate            disclosed;
  char             *title;
  char             *description;
  char            **carriers;
  GPtrArray        *sources;
  GListStore       *annotations;

  /* status="documented" was written although it is the default. */
  guint             status_explicit : 1;
};

G_DEFINE_FINAL_TYPE (BcTransfer, bc_transfer, BC_TYPE_ITEM)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_MECHANISM,
  PROP_STATUS,
  PROP_DISCLOSED,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CARRIERS,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_transfer_finalize (GObject *object)
{
  BcTransfer *self = BC_TRANSFER (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->title);
  g_free (self->description);
  g_strfreev (self->carriers);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (bc_transfer_parent_class)->finalize (object);
}

static void
bc_transfer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BcTransfer *self = BC_TRANSFER (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_MECHANISM:
      g_value_set_enum (value, self->mechanism);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DISCLOSED:
      _bc_value_set_date (value, self->disclosed);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CARRIERS:
      g_value_set_boxed (value, self->carriers);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_transfer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BcTransfer *self = BC_TRANSFER (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_FROM:
      changed = _bc_set_string (&self->from, g_value_get_string (value));
      break;
    case PROP_TO:
      changed = _bc_set_string (&self->to, g_value_get_string (value));
      break;
    case PROP_MECHANISM:
      changed = self->mechanism != (BcMechanism) g_value_get_enum (value);
      self->mechanism = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      changed = self->status != (BcTransferStatus) g_value_get_enum (value);
      self->status = g_value_get_enum (value);
      break;
    case PROP_DISCLOSED:
      changed = _bc_set_date (&self->disclosed, g_value_get_boxed (value));
      break;
    case PROP_TITLE:
      changed = _bc_set_string (&self->title, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      changed = _bc_set_string (&self->description, g_value_get_string (value));
      break;
    case PROP_CARRIERS:
      changed = _bc_set_strv (&self->carriers, g_value_get_boxed (value));
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
bc_transfer_class_init (BcTransferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BcItemClass *item_class = BC_ITEM_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_transfer_finalize;
  object_class->get_property = bc_transfer_get_property;
  object_class->set_property = bc_transfer_set_property;

  item_class->section = "transfers";

  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, flags);
  properties[PROP_MECHANISM] =
    g_param_spec_enum ("mechanism", NULL, NULL, BC_TYPE_MECHANISM, BC_MECHANISM_OTHER, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BC_TYPE_TRANSFER_STATUS, BC_STATUS_DOCUMENTED, flags);
  properties[PROP_DISCLOSED] = g_param_spec_boxed ("disclosed", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CARRIERS] = g_param_spec_boxed ("carriers", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_transfer_init (BcTransfer *self)
{
  self->mechanism = BC_MECHANISM_OTHER;
  self->annotations = g_list_store_new (BC_TYPE_ANNOTATION);
}

BcTransfer *
bc_transfer_new (const char  *id,
                 const char  *from,
                 const char  *to,
                 BcMechanism  mechanism,
                 const char  *title)
{
  return g_object_new (BC_TYPE_TRANSFER,
                       "id", id,
                       "from", from,
                       "to", to,
                       "mechanism", mechanism,
                       "title", title,
                       NULL);
}

const char *
bc_transfer_get_from (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return self->from;
}

const char *
bc_transfer_get_to (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return self->to;
}

BcMechanism
bc_transfer_get_mechanism (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), BC_MECHANISM_OTHER);
  return self->mechanism;
}

BcTransferStatus
bc_transfer_get_status (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), BC_STATUS_DOCUMENTED);
  return self->status;
}

BcDate
bc_transfer_get_disclosed (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), BC_DATE_UNSET);
  return self->disclosed;
}

const char *
bc_transfer_get_title (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return self->title;
}

const char *
bc_transfer_get_description (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return self->description;
}

/**
 * bc_transfer_get_carriers:
 * @self: a transfer
 *
 * Returns: (transfer none) (nullable): ids of the actors who carried it
 */
const char * const *
bc_transfer_get_carriers (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return (const char * const *) self->carriers;
}

/**
 * bc_transfer_get_sources:
 * @self: a transfer
 *
 * Returns: (transfer none) (nullable) (element-type BcSourceRef): the
 *   evidence; do not modify, set a new array instead
 */
GPtrArray *
bc_transfer_get_sources (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return self->sources;
}

/**
 * bc_transfer_get_annotations:
 * @self: a transfer
 *
 * Returns: (transfer none): the #BcAnnotation list of the transfer; edit
 *   it through commands
 */
GListModel *
bc_transfer_get_annotations (BcTransfer *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

GListStore *
_bc_transfer_get_annotation_store (BcTransfer *self)
{
  return self->annotations;
}

gboolean
_bc_transfer_get_status_explicit (BcTransfer *self)
{
  return self->status_explicit || self->status != BC_STATUS_DOCUMENTED;
}

void
_bc_transfer_set_status_explicit (BcTransfer *self,
                                  gboolean    explicit_)
{
  self->status_explicit = !!explicit_;
}
