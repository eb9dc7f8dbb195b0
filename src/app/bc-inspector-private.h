/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-inspector.h"

G_BEGIN_DECLS

/* The inspector is a page of sections (gnome-calendar's
 * GcalEventEditorSection): one per kind of item, and shared ones for
 * evidence, annotations, references, positions and links. A section
 * fills one preferences group; it is rebuilt alone when what it lists
 * changes, and the page is rebuilt only when the inspector shows another
 * item. The editors in a section are fields (bc-inspector-field.c), each
 * bound to a property of an object of the case: a change of that
 * property refreshes the field in place. */

typedef struct _BcInspectorSection BcInspectorSection;
typedef struct _BcInspectorField   BcInspectorField;

struct _BcInspector
{
  GtkWidget   parent_instance;

  BcItem     *item;
  BcCase     *details;      /* the case shown when no item is */
  BcCase     *case_;        /* the one shown, watched for changes */
  GBinding   *case_binding;
  GPtrArray  *sections;     /* of BcInspectorSection, in page order */
  char       *focus_key;    /* a field to focus once it is built */
  GObject    *focus_object; /* or the first field of this object */
  guint       flush_id;
  gboolean    editable;
  gboolean    building;     /* widgets come and go: losing focus is no commit */
  gboolean    page_stale;   /* the page waits for the inspector to be shown */
  gboolean    item_removed; /* the item left the case */

  GtkStack   *stack;
  GtkWidget  *scrolled;
  GtkLabel   *kind_label;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkBox     *sections_box;
};

/* Sections */

/* Fills the section's group with rows and fields. */
typedef void  (*BcSectionBuildFunc)     (BcInspectorSection *section);
/* What the section lists, apart from what its fields show: when this
 * text changes, the section is rebuilt. */
typedef char *(*BcSectionSignatureFunc) (BcInspectorSection *section);

struct _BcInspectorSection
{
  BcInspector            *inspector;
  GObject                *object;     /* what the section is about */
  char                   *title;
  GtkWidget              *group;
  GHashTable             *widgets;    /* key → a button or row, for focus */
  GPtrArray              *fields;
  char                   *shown;      /* the signature when built */
  BcSectionBuildFunc      build;
  BcSectionSignatureFunc  signature;
  BcSectionBuildFunc      update;     /* (nullable): labels that follow their fields */
  gpointer                data;
  GDestroyNotify          data_free;
  gboolean                hide_when_empty;
  guint                   n_rows;
};

BcInspectorSection *_bc_inspector_add_section       (BcInspector            *self,
                                                     GObject                *object,
                                                     const char             *title,
                                                     BcSectionBuildFunc      build,
                                                     BcSectionSignatureFunc  signature,
                                                     gpointer                data,
                                                     GDestroyNotify          data_free);
void                _bc_inspector_section_free      (BcInspectorSection     *section);
void                _bc_inspector_section_rebuild   (BcInspectorSection     *section);
void                _bc_inspector_section_add       (BcInspectorSection     *section,
                                                     GtkWidget              *container,
                                                     GtkWidget              *row);
void                _bc_inspector_section_register  (BcInspectorSection     *section,
                                                     const char             *key,
                                                     GtkWidget              *widget);
GtkWidget          *_bc_inspector_section_lookup    (BcInspectorSection     *section,
                                                     const char             *key);

/* Rows shared by the sections */

BcCase     *_bc_inspector_get_current_case   (BcInspector *self);
const char *_bc_inspector_item_name          (BcItem      *item);
char       *_bc_inspector_item_subtitle      (BcItem      *item);
char       *_bc_inspector_format_span        (BcDate       from,
                                              BcDate       to);
char       *_bc_inspector_track_label        (BcTrack      track);
GtkWidget  *_bc_inspector_row_new            (const char  *title,
                                              const char  *subtitle);
GtkWidget  *_bc_inspector_icon_button_new    (const char  *icon_name,
                                              const char  *tooltip,
                                              const char  *label);
GtkWidget  *_bc_inspector_select_button_new  (BcInspector *self,
                                              BcItem      *item,
                                              const char  *tooltip,
                                              const char  *label);
GtkWidget  *_bc_inspector_add_item_row       (BcInspectorSection *section,
                                              BcItem      *item,
                                              const char  *subtitle);
GtkWidget  *_bc_inspector_add_id_row         (BcInspectorSection *section,
                                              const char  *id,
                                              const char  *subtitle);
void        _bc_inspector_add_web_button     (BcInspector *self,
                                              GtkWidget   *row,
                                              const char  *url);

/* Makes a picker when its button first pops up: most are never opened. */
typedef GtkWidget *(*BcPickerFactory) (BcInspectorSection *section,
                                       const char         *arg);

GtkWidget  *_bc_inspector_add_picker_row     (BcInspectorSection *section,
                                              const char         *title,
                                              const char         *key,
                                              BcPickerFactory     factory,
                                              const char         *arg);
GtkWidget  *_bc_inspector_menu_button_new    (BcInspectorSection *section,
                                              const char         *icon_name,
                                              const char         *label,
                                              BcPickerFactory     factory,
                                              const char         *arg);

/* Asks for @item to become the window's selection. */
void        _bc_inspector_activate_item      (BcInspector *self,
                                              BcItem      *item);
/* What to focus once the sections are rebuilt: a field or widget by
 * its key, or the first field of @object. */
void        _bc_inspector_focus_later        (BcInspector *self,
                                              const char  *key);
void        _bc_inspector_focus_object_later (BcInspector *self,
                                              GObject     *object);
gboolean    _bc_inspector_can_edit           (BcInspector *self);

/* Fields */

typedef enum
{
  BC_FIELD_ENTRY,   /* one line: names, dates, ids */
  BC_FIELD_TEXT,    /* wrapping paragraphs: descriptions, annotations */
  BC_FIELD_CHOICE,  /* a value of an enumeration */
  BC_FIELD_ITEM,    /* an item of the case, chosen in a picker */
} BcFieldKind;

/* The text a field shows for its property, newly allocated. */
typedef char    *(*BcFieldReadFunc)         (BcInspectorField  *field);
/* Checks a text with the case's rules; FALSE with their message. */
typedef gboolean (*BcFieldCheckFunc)        (BcInspectorField  *field,
                                             const char        *text,
                                             GError           **error);
/* Makes the text one step of the history, unless it is the value. */
typedef gboolean (*BcFieldCommitFunc)       (BcInspectorField  *field,
                                             const char        *text,
                                             GError           **error);
typedef int      (*BcFieldReadChoiceFunc)   (BcInspectorField  *field);
typedef gboolean (*BcFieldCommitChoiceFunc) (BcInspectorField  *field,
                                             int                value,
                                             GError           **error);

struct _BcInspectorField
{
  BcInspector             *inspector;
  BcInspectorSection      *section;
  BcFieldKind              kind;
  char                    *key;
  GObject                 *object;
  char                    *property;
  GType                    enum_type;
  guint                    index;     /* in a list property: evidence, positions */
  const char              *which;     /* a part of that entry: "from", "role"… */

  GtkWidget               *row;       /* in the group */
  GtkWidget               *editor;    /* what takes the focus and the text */
  GtkWidget               *error_label;
  GtkWidget               *suffixes;  /* of a text field, beside its title */

  gboolean                 edited;    /* typed into since last shown */
  gboolean                 loading;   /* showing the model's value: no edit */

  BcFieldReadFunc          read;
  BcFieldCheckFunc         check;
  BcFieldCommitFunc        commit;
  BcFieldReadChoiceFunc    read_choice;
  BcFieldCommitChoiceFunc  commit_choice;
};

BcInspectorField *_bc_inspector_add_entry         (BcInspectorSection *section,
                                                   GtkWidget          *container,
                                                   GObject            *object,
                                                   const char         *property,
                                                   const char         *key,
                                                   const char         *title);
BcInspectorField *_bc_inspector_add_text          (BcInspectorSection *section,
                                                   GObject            *object,
                                                   const char         *property,
                                                   const char         *key,
                                                   const char         *title);
BcInspectorField *_bc_inspector_add_choice        (BcInspectorSection *section,
                                                   GtkWidget          *container,
                                                   GObject            *object,
                                                   const char         *property,
                                                   const char         *key,
                                                   const char         *title,
                                                   GType               enum_type);
BcInspectorField *_bc_inspector_add_item_field    (BcInspectorSection *section,
                                                   GObject            *object,
                                                   const char         *property,
                                                   const char         *key,
                                                   const char         *title,
                                                   const char         *change_label,
                                                   BcPickerFactory     factory);
void              _bc_inspector_field_load        (BcInspectorField   *field);
void              _bc_inspector_field_refresh     (BcInspectorField   *field);
gboolean          _bc_inspector_field_commit      (BcInspectorField   *field);
gboolean          _bc_inspector_field_restore     (BcInspectorField   *field);
void              _bc_inspector_field_show_error  (BcInspectorField   *field,
                                                   const char         *message);
void              _bc_inspector_field_add_suffix  (BcInspectorField   *field,
                                                   GtkWidget          *widget);
void              _bc_inspector_field_grab_focus  (BcInspectorField   *field);
gboolean          _bc_inspector_field_choose_item (BcInspectorField   *field,
                                                   BcItem             *item);
BcInspectorField *_bc_inspector_field_from_widget (GtkWidget          *widget);
GListModel       *_bc_inspector_choice_labels     (GType               enum_type);
gboolean          _bc_inspector_set_property      (BcInspector        *self,
                                                   GObject            *object,
                                                   const char         *property,
                                                   const GValue       *value,
                                                   GError            **error);

/* The sections of each kind of item */

void _bc_inspector_show_case        (BcInspector *self,
                                     BcCase      *case_);
void _bc_inspector_show_actor       (BcInspector *self,
                                     BcActor     *actor);
void _bc_inspector_show_event       (BcInspector *self,
                                     BcEvent     *event);
void _bc_inspector_show_transfer    (BcInspector *self,
                                     BcTransfer  *transfer);
void _bc_inspector_show_source      (BcInspector *self,
                                     BcSource    *source);

void _bc_inspector_add_evidence     (BcInspector *self,
                                     BcItem      *item);
void _bc_inspector_add_annotations  (BcInspector *self,
                                     GObject     *about);
void _bc_inspector_add_references   (BcInspector *self,
                                     BcItem      *item,
                                     const char  *title,
                                     const char  *property,
                                     const char  *add_title,
                                     const char  *remove_label);
void _bc_inspector_add_positions    (BcInspector *self,
                                     BcActor     *actor);
void _bc_inspector_add_links        (BcInspector *self,
                                     BcEvent     *event);
void _bc_inspector_add_transfers    (BcInspector *self,
                                     BcItem      *item);

/* Internals the sections share with the widget tests */

const char *_bc_inspector_get_title       (BcInspector *self);
GtkWidget  *_bc_inspector_get_field       (BcInspector *self,
                                           const char  *key);
const char *_bc_inspector_get_field_error (BcInspector *self,
                                           const char  *key);
gboolean    _bc_inspector_add_annotation  (BcInspector *self,
                                           const char  *text);

G_END_DECLS
