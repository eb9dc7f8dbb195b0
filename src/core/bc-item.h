/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-date.h"
#include "bc-enums.h"

G_BEGIN_DECLS

typedef struct _BcCase BcCase;

#define BC_TYPE_ITEM (bc_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (BcItem, bc_item, BC, ITEM, GObject)

/**
 * BcItem:
 *
 * The base of everything in a case that has an id: actors, events,
 * transfers and sources. References between items are ids; the case
 * resolves them (bc_case_lookup()).
 */
struct _BcItemClass
{
  GObjectClass parent_class;

  /* The section of the case file the item lives in ("actors", ...). */
  const char *section;
};

const char *bc_item_get_id       (BcItem     *self);
BcCase     *bc_item_get_case     (BcItem     *self);
const char *bc_item_get_section  (BcItem     *self);

#define BC_TYPE_SOURCE_REF (bc_source_ref_get_type ())

/**
 * BcSourceRef:
 * @ref: the id of a source
 * @pages: (nullable): free text, such as "20-25"
 *
 * A citation of a source from an actor, event or transfer.
 */
typedef struct
{
  char *ref;
  char *pages;
} BcSourceRef;

GType        bc_source_ref_get_type (void) G_GNUC_CONST;
BcSourceRef *bc_source_ref_new      (const char        *ref,
                                     const char        *pages);
BcSourceRef *bc_source_ref_copy     (const BcSourceRef *self);
void         bc_source_ref_free     (BcSourceRef       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcSourceRef, bc_source_ref_free)

GPtrArray   *bc_source_refs_new     (void);

G_END_DECLS
