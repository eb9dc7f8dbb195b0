/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-csv-import.h"
#include "bc-source.h"

G_BEGIN_DECLS

/* References from a citation manager (BibTeX or CSL-JSON, as Zotero
 * exports them) as the case's sources, merged with the sources already
 * there by DOI or URL. */

#define BC_TYPE_BIB_IMPORT (bc_bib_import_get_type ())
G_DECLARE_FINAL_TYPE (BcBibImport, bc_bib_import, BC, BIB_IMPORT, GObject)

BcBibImport *bc_bib_import_new          (BcCase        *target);
void         bc_bib_import_set_target   (BcBibImport   *self,
                                         BcCase        *target);
gboolean     bc_bib_import_load         (BcBibImport   *self,
                                         GInputStream  *stream,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
guint        bc_bib_import_get_n_entries (BcBibImport  *self);
guint        bc_bib_import_get_n_valid  (BcBibImport   *self);
BcSource    *bc_bib_import_get_source   (BcBibImport   *self,
                                         guint          index);
const char  *bc_bib_import_get_match    (BcBibImport   *self,
                                         guint          index);
GPtrArray   *bc_bib_import_get_problems (BcBibImport   *self);
gboolean     bc_bib_import_apply        (BcBibImport   *self,
                                         gboolean       only_valid,
                                         guint         *added,
                                         guint         *updated,
                                         GError       **error);

G_END_DECLS
