/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-layout.h"
#include "bc-painter.h"

G_BEGIN_DECLS

#define BC_RENDER_ERROR (bc_render_error_quark ())

typedef enum
{
  BC_RENDER_ERROR_FAILED,
  BC_RENDER_ERROR_TOO_LARGE,
} BcRenderError;

typedef enum
{
  BC_EXPORT_PNG,
  BC_EXPORT_SVG,
  BC_EXPORT_PDF,
} BcExportType;

/**
 * BcExportOptions:
 * @layout: what to show
 * @theme: exports default to the light theme
 * @scale: device scale of a PNG: 2 gives twice the pixels each way
 */
typedef struct
{
  BcLayoutOptions layout;
  BcTheme         theme;
  double          scale;
} BcExportOptions;

GQuark    bc_render_error_quark     (void);
void      bc_export_options_init    (BcExportOptions        *options);
gboolean  bc_export_type_from_name  (const char             *name,
                                     BcExportType           *type);
GBytes   *bc_export_layout_to_bytes (BcLayout               *layout,
                                     BcExportType            type,
                                     const BcExportOptions  *options,
                                     GError                **error);
GBytes   *bc_export_to_bytes        (BcCase                 *kase,
                                     BcExportType            type,
                                     const BcExportOptions  *options,
                                     GError                **error);
gboolean  bc_export_to_file         (BcCase                 *kase,
                                     GFile                  *file,
                                     BcExportType            type,
                                     const BcExportOptions  *options,
                                     GError                **error);

G_END_DECLS
