/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-inspector-private.h"
#include "bc-preferences-window.h"

G_DEFINE_FINAL_TYPE (BcInspector, bc_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_CASE,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static void
update_header (BcInspector *self)
{
  BcCase *case_ = _bc_inspector_get_current_case (self);
  g_autofree char *subtitle = NULL;
  const char *kind = NULL;
  const char *title = NULL;

  if (case_ == NULL)
    return;

  if (self->item == NULL)
    {
      kind = _("Case");
      title = bc_case_get_title (case_);
      subtitle = _bc_inspector_format_span (bc_case_get_period_start (case_), bc_case_get_period_end (case_));
    }
  else if (BC_IS_ACTOR (self->item))
    {
      kind = _("Actor");
      title = bc_actor_get_name (BC_ACTOR (self->item));
      subtitle = g_strdup (bc_actor_get_role (BC_ACTOR (self->item)));
    }
  else if (BC_IS_EVENT (self->item))
    {
      BcEvent *event = BC_EVENT (self->item);

      kind = bc_event_type_get_label (bc_event_get_event_type (event));
      title = bc_event_get_title (event);
      subtitle = _bc_inspector_item_subtitle (self->item);
    }
  else if (BC_IS_TRANSFER (self->item))
    {
      BcTransfer *transfer = BC_TRANSFER (self->item);

      kind = _("Transfer");
      title = bc_transfer_get_title (transfer);
      subtitle = g_strdup_printf ("%s · %s", bc_mechanism_get_label (bc_transfer_get_mechanism (transfer)),
                                  bc_status_get_label (bc_transfer_get_status (transfer)));
    }
  else if (BC_IS_SOURCE (self->item))
    {
      BcSource *source = BC_SOURCE (self->item);

      kind = _("Source");
      title = bc_source_get_citation (source);
      subtitle = g_strdup (bc_editing_enum_label (BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source)));
    }

  gtk_label_set_text (self->kind_label, kind ? kind : "");
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
}

static BcInspectorField *
find_field (BcInspector *self,
            const char  *key)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      BcInspectorSection *section = g_ptr_array_index (self->sections, i);
      GtkWidget *widget = _bc_inspector_section_lookup (section, key);

      if (widget != NULL)
        return _bc_inspector_field_from_widget (widget);
    }
  return NULL;
}

static GtkWidget *
find_widget (BcInspector *self,
             const char  *key)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      GtkWidget *widget = _bc_inspector_section_lookup (g_ptr_array_index (self->sections, i), key);

      if (widget != NULL)
        return widget;
    }
  return NULL;
}

/* Moves the focus to what an edit asked for: the first field of what
 * it created. */
static void
apply_pending_focus (BcInspector *self)
{
  g_autofree char *key = g_steal_pointer (&self->focus_key);
  g_autoptr(GObject) object = g_steal_pointer (&self->focus_object);

  if (key != NULL)
    {
      BcInspectorField *field = find_field (self, key);
      GtkWidget *widget = find_widget (self, key);

      if (field != NULL && field->editor == widget)
        _bc_inspector_field_grab_focus (field);
      else if (widget != NULL)
        gtk_widget_grab_focus (widget);
      return;
    }

  for (guint i = 0; object != NULL && i < self->sections->len; i++)
    {
      BcInspectorSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          BcInspectorField *field = g_ptr_array_index (section->fields, j);

          if (field->object == object)
            {
              _bc_inspector_field_grab_focus (field);
              return;
            }
        }
    }
}

static void
clear_page (BcInspector *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_ptr_array_set_size (self->sections, 0);
}

static void
add_page_button (BcInspector *self,
                 const char  *label,
                 const char  *action,
                 const char  *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, style);
  if (g_str_equal (style, "destructive-action"))
    gtk_widget_add_css_class (button, "pill");
  gtk_box_append (self->sections_box, button);
}

/* The whole page, for another item: the only time it is built anew. */
static void
build_page (BcInspector *self)
{
  BcCase *case_ = _bc_inspector_get_current_case (self);

  /* Removing a focused field moves the focus, which must not commit
   * what it showed. */
  self->building = TRUE;
  clear_page (self);
  self->page_stale = FALSE;

  if (case_ == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->building = FALSE;
      return;
    }

  update_header (self);
  if (self->item == NULL)
    _bc_inspector_show_case (self, case_);
  else if (BC_IS_ACTOR (self->item))
    _bc_inspector_show_actor (self, BC_ACTOR (self->item));
  else if (BC_IS_EVENT (self->item))
    _bc_inspector_show_event (self, BC_EVENT (self->item));
  else if (BC_IS_TRANSFER (self->item))
    _bc_inspector_show_transfer (self, BC_TRANSFER (self->item));
  else if (BC_IS_SOURCE (self->item))
    _bc_inspector_show_source (self, BC_SOURCE (self->item));

  if (self->item != NULL && self->details == case_)
    add_page_button (self, _("Case _Details"), "inspector.show-case", "flat");
  if (self->item != NULL && self->editable)
    add_page_button (self, _("_Delete"), "inspector.delete", "destructive-action");

  gtk_stack_set_visible_child_name (self->stack, "item");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  self->building = FALSE;
  apply_pending_focus (self);
}

/* The page is built when the inspector is shown, or asked about: a
 * hidden inspector (the flap folded away, as at startup) would make and
 * measure its editors for nothing. */
static void
rebuild (BcInspector *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_page (self);
  else
    self->page_stale = TRUE;
}

static void
ensure_page (BcInspector *self)
{
  if (self->page_stale)
    build_page (self);
}

static void watch_case (BcInspector *self,
                        BcCase      *case_);

/* What changed since the last main loop iteration: the item may be
 * gone, and each section whose list changed is rebuilt, alone. */
static void
flush (BcInspector *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);

  if (self->page_stale)
    return;

  if (self->item != NULL && bc_item_get_case (self->item) == NULL)
    {
      /* Deleted: the selection goes with it. */
      g_clear_object (&self->item);
      watch_case (self, _bc_inspector_get_current_case (self));
      build_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
      return;
    }

  update_header (self);
  for (guint i = 0; i < self->sections->len; i++)
    {
      BcInspectorSection *section = g_ptr_array_index (self->sections, i);

      if (section->signature != NULL)
        {
          g_autofree char *signature = section->signature (section);

          if (g_strcmp0 (signature, section->shown) != 0)
            _bc_inspector_section_rebuild (section);
        }
      if (section->update != NULL)
        section->update (section);
    }
  apply_pending_focus (self);
}

static gboolean
flush_idle (gpointer data)
{
  BcInspector *self = data;

  self->flush_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_flush (BcInspector *self)
{
  if (self->flush_id == 0)
    self->flush_id = g_idle_add (flush_idle, self);
}

/* The fields bound to @property of @object show its new value now, in
 * place: nothing else of the page moves. */
static void
refresh_fields (BcInspector *self,
                GObject     *object,
                const char  *property)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      BcInspectorSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          BcInspectorField *field = g_ptr_array_index (section->fields, j);

          if (field->object == object && g_strcmp0 (field->property, property) == 0)
            _bc_inspector_field_refresh (field);
        }
    }
}

/* Callbacks */

static void
case_changed (BcCase       *case_,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcInspector  *self)
{
  if (self->page_stale)
    return;
  if (kind == BC_CHANGE_FIELD)
    refresh_fields (self, object, detail);
  queue_flush (self);
}

/* The case's own fields (title, summary, period) are announced by the
 * case's notify: BcCase::changed tells of the objects inside it. */
static void
case_notify (BcCase      *case_,
             GParamSpec  *pspec,
             BcInspector *self)
{
  case_changed (case_, BC_CHANGE_FIELD, G_OBJECT (case_), pspec->name, self);
}

static void
watch_case (BcInspector *self,
            BcCase      *case_)
{
  if (self->case_ == case_)
    return;

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (self->case_, self);
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    {
      g_signal_connect (case_, "changed", G_CALLBACK (case_changed), self);
      g_signal_connect (case_, "notify", G_CALLBACK (case_notify), self);
    }
}

/* The item and everything that refers to it go in one step, so that
 * nothing dangles and one undo brings all of it back. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcInspector *self = BC_INSPECTOR (widget);
  g_autoptr(BcItem) item = self->item ? g_object_ref (self->item) : NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL || !_bc_inspector_can_edit (self))
    return;
  if (!bc_edit_delete (bc_item_get_case (item), G_OBJECT (item), &error))
    g_warning ("%s", error->message);
}

/* Lets go of the item, to show the case's own details; the window
 * follows the inspector's item and clears its selection. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BcInspector *self = BC_INSPECTOR (widget);

  if (self->details != NULL)
    bc_inspector_set_item (self, NULL);
}

/* GObject */

static void
bc_inspector_dispose (GObject *object)
{
  BcInspector *self = BC_INSPECTOR (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->case_binding, g_binding_unbind);
  watch_case (self, NULL);
  self->building = TRUE;
  if (self->sections != NULL)
    g_ptr_array_set_size (self->sections, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_INSPECTOR);
  g_clear_object (&self->item);
  g_clear_object (&self->details);
  g_clear_object (&self->focus_object);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (bc_inspector_parent_class)->dispose (object);
}

static void
bc_inspector_finalize (GObject *object)
{
  BcInspector *self = BC_INSPECTOR (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_inspector_parent_class)->finalize (object);
}

static void
bc_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->details);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bc_inspector_set_item (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      bc_inspector_set_case (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      bc_inspector_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Until a window says which case to show with bc_inspector_set_case(),
 * the inspector follows the "case" of the window it is in. */
static void
bc_inspector_root (GtkWidget *widget)
{
  BcInspector *self = BC_INSPECTOR (widget);
  GtkRoot *root;
  GParamSpec *pspec;

  GTK_WIDGET_CLASS (bc_inspector_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (root), "case");
  if (self->case_binding == NULL && pspec != NULL &&
      g_type_is_a (pspec->value_type, BC_TYPE_CASE) && (pspec->flags & G_PARAM_READABLE))
    self->case_binding = g_object_bind_property (root, "case", self, "case", G_BINDING_SYNC_CREATE);
}

static void
bc_inspector_unroot (GtkWidget *widget)
{
  BcInspector *self = BC_INSPECTOR (widget);

  g_clear_pointer (&self->case_binding, g_binding_unbind);
  GTK_WIDGET_CLASS (bc_inspector_parent_class)->unroot (widget);
}

static void
bc_inspector_map (GtkWidget *widget)
{
  /* Before the children are mapped, so that the page is shown as built. */
  ensure_page (BC_INSPECTOR (widget));
  GTK_WIDGET_CLASS (bc_inspector_parent_class)->map (widget);
}

static void
bc_inspector_class_init (BcInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_inspector_dispose;
  object_class->finalize = bc_inspector_finalize;
  object_class->get_property = bc_inspector_get_property;
  object_class->set_property = bc_inspector_set_property;
  widget_class->map = bc_inspector_map;
  widget_class->root = bc_inspector_root;
  widget_class->unroot = bc_inspector_unroot;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BcInspector:case:
   *
   * The case whose own details the inspector shows and edits while no
   * item is selected.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BcInspector:editable:
   *
   * Whether the inspector edits the case. When it does not (a case
   * that is read-only), every text can still be read whole, selected
   * and copied.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcInspector::item-activated:
   * @item: another item of the case, chosen from the inspector
   *
   * Asks for @item to become the window's selection.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BcInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, sections_box);

  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspector.show-case", NULL, show_case_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_inspector_init (BcInspector *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) _bc_inspector_section_free);
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
}

/* Public API */

GtkWidget *
bc_inspector_new (void)
{
  return g_object_new (BC_TYPE_INSPECTOR, NULL);
}

BcItem *
bc_inspector_get_item (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), NULL);
  return self->item;
}

void
bc_inspector_set_item (BcInspector *self,
                       BcItem      *item)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));
  g_return_if_fail (item == NULL || BC_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  watch_case (self, _bc_inspector_get_current_case (self));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

BcCase *
bc_inspector_get_case (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), NULL);
  return self->details;
}

/**
 * bc_inspector_set_case:
 * @self: an inspector
 * @case_: (nullable): the open case
 *
 * Sets the case whose own details (title, period, summary, authors, its
 * annotations) the inspector shows and edits while no item is selected.
 */
void
bc_inspector_set_case (BcInspector *self,
                       BcCase      *case_)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));
  g_return_if_fail (case_ == NULL || BC_IS_CASE (case_));

  if (!g_set_object (&self->details, case_))
    return;

  /* An item of another case is no longer what the inspector shows. */
  if (self->item != NULL && bc_item_get_case (self->item) != case_)
    {
      g_clear_object (&self->item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }

  watch_case (self, _bc_inspector_get_current_case (self));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

gboolean
bc_inspector_get_editable (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), FALSE);
  return self->editable;
}

/**
 * bc_inspector_set_editable:
 * @self: an inspector
 * @editable: whether the inspector edits the case
 *
 * An inspector that does not edit shows every field read-only (text can
 * still be selected and copied) and offers no buttons that add, remove
 * or delete.
 */
void
bc_inspector_set_editable (BcInspector *self,
                           gboolean     editable)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* Private API */

BcCase *
_bc_inspector_get_current_case (BcInspector *self)
{
  if (self->item != NULL)
    return bc_item_get_case (self->item);
  return self->details;
}

gboolean
_bc_inspector_can_edit (BcInspector *self)
{
  return self->editable && !self->building && _bc_inspector_get_current_case (self) != NULL;
}

/* Every edit of the inspector is a domain edit of the core. */
gboolean
_bc_inspector_set_property (BcInspector   *self,
                            GObject       *object,
                            const char    *property,
                            const GValue  *value,
                            GError       **error)
{
  return bc_edit_set (_bc_inspector_get_current_case (self), object, property, value, error);
}

void
_bc_inspector_activate_item (BcInspector *self,
                             BcItem      *item)
{
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

void
_bc_inspector_focus_later (BcInspector *self,
                           const char  *key)
{
  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  g_clear_object (&self->focus_object);
}

void
_bc_inspector_focus_object_later (BcInspector *self,
                                  GObject     *object)
{
  g_clear_pointer (&self->focus_key, g_free);
  g_set_object (&self->focus_object, object);
}

const char *
_bc_inspector_get_title (BcInspector *self)
{
  ensure_page (self);
  return gtk_label_get_text (self->title_label);
}

/**
 * _bc_inspector_get_field:
 * @key: a property name ("title"), or the key of a field or button of a
 *   list ("pages:0", "participants:add")
 *
 * Returns: (transfer none) (nullable): what takes the focus in that
 *   field (an entry row, a text view, a combo row), or the button
 */
GtkWidget *
_bc_inspector_get_field (BcInspector *self,
                         const char  *key)
{
  ensure_page (self);
  if (self->flush_id != 0)
    flush (self);
  return find_widget (self, key);
}

/* The message shown under the field, or NULL when it is fine. */
const char *
_bc_inspector_get_field_error (BcInspector *self,
                               const char  *key)
{
  GtkWidget *widget = _bc_inspector_get_field (self, key);
  BcInspectorField *field = widget ? _bc_inspector_field_from_widget (widget) : NULL;
  GtkWidget *label = field ? field->error_label : NULL;

  if (label == NULL || !gtk_widget_get_visible (field->kind == BC_FIELD_TEXT ? label
                                                                              : gtk_widget_get_parent (label)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A transfer keeps its annotations; anything else is annotated by the
 * case, about its id. The new annotation takes the focus. */
gboolean
_bc_inspector_add_annotation (BcInspector *self,
                              const char  *text)
{
  g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();
  g_autofree char *author = bc_preferences_window_dup_author_name (settings);
  BcCase *case_ = _bc_inspector_get_current_case (self);
  BcAnnotation *annotation;

  if (case_ == NULL || !_bc_inspector_can_edit (self))
    return FALSE;

  annotation = bc_edit_add_annotation (case_, self->item ? G_OBJECT (self->item) : G_OBJECT (case_),
                                       author, text, NULL);
  if (annotation != NULL)
    _bc_inspector_focus_object_later (self, G_OBJECT (annotation));
  return annotation != NULL;
}
