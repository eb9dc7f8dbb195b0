/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-transfer-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-transfer-popover.h"

/* BcTransferPopover: what a transfer drawn on the canvas is, asked for
 * before it is made. It only collects the answers; the canvas makes the
 * transfer through the case's history when the popover says "create". */
struct _BcTransferPopover
{
  GtkPopover  parent_instance;

  BcCase     *kase;
  BcEvent    *from;
  BcEvent    *to;

  GtkLabel   *ends_label;
  GtkEntry   *title_entry;
  GtkListBox *mechanism_list;
  GtkBox     *status_box;
  GtkWidget  *carriers_heading;
  GtkWidget  *carriers_window;
  GtkListBox *carrier_list;
  GtkWidget  *create_button;

  GtkToggleButton *status_buttons[BC_STATUS_DISPUTED + 1];
};

G_DEFINE_FINAL_TYPE (BcTransferPopover, bc_transfer_popover, GTK_TYPE_POPOVER)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static char *
default_title (BcTransferPopover *self)
{
  /* TRANSLATORS: the title a new transfer gets when none is typed: the
   * titles of the events it joins. */
  return g_strdup_printf (_("%s → %s"), bc_event_get_title (self->from), bc_event_get_title (self->to));
}

static GtkWidget *
mechanism_row (BcMechanism mechanism)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (bc_mechanism_get_label (mechanism));
  GtkWidget *meaning = gtk_label_new (bc_mechanism_get_meaning (mechanism));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (meaning), 0);
  gtk_label_set_wrap (GTK_LABEL (meaning), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meaning), 40);
  gtk_widget_add_css_class (meaning, "dim-label");
  gtk_widget_add_css_class (meaning, "caption");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), meaning);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bc_mechanism_get_label (mechanism),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, bc_mechanism_get_meaning (mechanism),
                                  -1);
  return row;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

/* The case's actors as check buttons; those who took part in both
 * events are the likely carriers and start checked. */
static void
fill_carriers (BcTransferPopover *self)
{
  GListModel *actors = bc_case_get_actors (self->kase);
  const char * const *at_from = bc_event_get_participants (self->from);
  const char * const *at_to = bc_event_get_participants (self->to);
  guint n = g_list_model_get_n_items (actors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);
      const char *id = bc_item_get_id (BC_ITEM (actor));
      g_autofree char *text = g_strdup_printf ("%s (%s)", bc_actor_get_name (actor),
                                               bc_track_get_label (bc_actor_get_track (actor)));
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (text);

      /* Long names wrap rather than widen the popover. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

      g_object_set_data_full (G_OBJECT (check), "actor-id", g_strdup (id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), strv_has (at_from, id) && strv_has (at_to, id));
      gtk_widget_set_margin_start (check, 4);
      gtk_list_box_append (self->carrier_list, check);
    }

  gtk_widget_set_visible (self->carriers_heading, n > 0);
  gtk_widget_set_visible (self->carriers_window, n > 0);
}

static GtkCheckButton *
carrier_check (BcTransferPopover *self,
               GtkWidget         *row)
{
  return GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

/* Callbacks */

static void
mechanism_selected (BcTransferPopover *self,
                    GtkListBoxRow     *row)
{
  /* A claim about history names its mechanism: there is no default. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transfer.create", row != NULL);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcTransferPopover *self = BC_TRANSFER_POPOVER (widget);

  if (bc_transfer_popover_get_mechanism (self) < 0)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[CREATE], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_popover_popdown (GTK_POPOVER (widget));
}

/* GObject */

static void
bc_transfer_popover_dispose (GObject *object)
{
  BcTransferPopover *self = BC_TRANSFER_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_TRANSFER_POPOVER);
  g_clear_object (&self->kase);
  g_clear_object (&self->from);
  g_clear_object (&self->to);

  G_OBJECT_CLASS (bc_transfer_popover_parent_class)->dispose (object);
}

static void
bc_transfer_popover_class_init (BcTransferPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_transfer_popover_dispose;

  /**
   * BcTransferPopover::create:
   *
   * The user asked for the transfer to be made; read the answers with
   * bc_transfer_popover_build().
   */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-transfer-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, ends_label);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, mechanism_list);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, status_box);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, carriers_heading);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, carriers_window);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, carrier_list);
  gtk_widget_class_bind_template_child (widget_class, BcTransferPopover, create_button);
  gtk_widget_class_bind_template_callback (widget_class, mechanism_selected);

  gtk_widget_class_install_action (widget_class, "transfer.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "transfer.cancel", NULL, cancel_action);
}

static void
bc_transfer_popover_init (BcTransferPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int m = 0; m < BC_N_MECHANISMS; m++)
    gtk_list_box_append (self->mechanism_list, mechanism_row (m));

  for (int s = 0; s <= BC_STATUS_DISPUTED; s++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (bc_status_get_label (s));

      self->status_buttons[s] = GTK_TOGGLE_BUTTON (button);
      if (s > 0)
        gtk_toggle_button_set_group (self->status_buttons[s], self->status_buttons[0]);
      gtk_box_append (self->status_box, button);
    }
  gtk_toggle_button_set_active (self->status_buttons[BC_STATUS_DOCUMENTED], TRUE);

  gtk_popover_set_default_widget (GTK_POPOVER (self), self->create_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transfer.create", FALSE);
}

/* Public API */

/**
 * bc_transfer_popover_new:
 * @kase: the case, for its actors
 * @from: the event the transfer leaves
 * @to: the event it reaches, on another track
 *
 * Returns: (transfer full): a popover, to be given a parent
 */
GtkWidget *
bc_transfer_popover_new (BcCase  *kase,
                         BcEvent *from,
                         BcEvent *to)
{
  BcTransferPopover *self;
  g_autofree char *ends = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);
  g_return_val_if_fail (BC_IS_EVENT (from), NULL);
  g_return_val_if_fail (BC_IS_EVENT (to), NULL);

  self = g_object_new (BC_TYPE_TRANSFER_POPOVER, NULL);
  self->kase = g_object_ref (kase);
  self->from = g_object_ref (from);
  self->to = g_object_ref (to);

  /* TRANSLATORS: the ends of a new transfer: "From TITLE (Track 2) to
   * TITLE (Track 1)". */
  ends = g_strdup_printf (_("From “%s” (%s) to “%s” (%s)"),
                          bc_event_get_title (from), bc_track_get_label (bc_event_get_track (from)),
                          bc_event_get_title (to), bc_track_get_label (bc_event_get_track (to)));
  gtk_label_set_text (self->ends_label, ends);
  /* The suggested title as text, selected so that typing replaces it:
   * as a placeholder its length would set the popover's width. */
  title = default_title (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
  fill_carriers (self);

  return GTK_WIDGET (self);
}

BcEvent *
bc_transfer_popover_get_from (BcTransferPopover *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), NULL);
  return self->from;
}

BcEvent *
bc_transfer_popover_get_to (BcTransferPopover *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), NULL);
  return self->to;
}

/**
 * bc_transfer_popover_get_mechanism:
 *
 * Returns: the #BcMechanism chosen, or -1 while none is
 */
int
bc_transfer_popover_get_mechanism (BcTransferPopover *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), -1);

  row = gtk_list_box_get_selected_row (self->mechanism_list);
  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

void
bc_transfer_popover_set_mechanism (BcTransferPopover *self,
                                   BcMechanism        mechanism)
{
  g_return_if_fail (BC_IS_TRANSFER_POPOVER (self));
  g_return_if_fail (mechanism < BC_N_MECHANISMS);

  gtk_list_box_select_row (self->mechanism_list,
                           gtk_list_box_get_row_at_index (self->mechanism_list, mechanism));
}

BcTransferStatus
bc_transfer_popover_get_status (BcTransferPopover *self)
{
  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), BC_STATUS_DOCUMENTED);

  for (int s = 0; s <= BC_STATUS_DISPUTED; s++)
    if (gtk_toggle_button_get_active (self->status_buttons[s]))
      return s;
  return BC_STATUS_DOCUMENTED;
}

void
bc_transfer_popover_set_status (BcTransferPopover *self,
                                BcTransferStatus   status)
{
  g_return_if_fail (BC_IS_TRANSFER_POPOVER (self));
  g_return_if_fail (status <= BC_STATUS_DISPUTED);

  gtk_toggle_button_set_active (self->status_buttons[status], TRUE);
}

/**
 * bc_transfer_popover_get_carriers:
 *
 * Returns: (transfer full): the ids of the actors checked, in the
 *   case's order; empty when none is
 */
char **
bc_transfer_popover_get_carriers (BcTransferPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->carrier_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = carrier_check (self, row);
      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "actor-id"));
    }
  return g_strv_builder_end (builder);
}

void
bc_transfer_popover_set_carrier (BcTransferPopover *self,
                                 const char        *actor_id,
                                 gboolean           carries)
{
  g_return_if_fail (BC_IS_TRANSFER_POPOVER (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->carrier_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = carrier_check (self, row);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "actor-id"), actor_id) == 0)
        gtk_check_button_set_active (check, carries);
    }
}

/**
 * bc_transfer_popover_get_title:
 *
 * Returns: (transfer full): the title typed, or the default one when
 *   none was
 */
char *
bc_transfer_popover_get_title (BcTransferPopover *self)
{
  g_autofree char *typed = NULL;

  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), NULL);

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  if (*typed == '\0')
    return default_title (self);
  return g_steal_pointer (&typed);
}

/**
 * bc_transfer_popover_build:
 * @id: the new transfer's id, unused in the case
 *
 * Returns: (transfer full): a new transfer with the answers given, not
 *   yet part of the case
 */
BcTransfer *
bc_transfer_popover_build (BcTransferPopover *self,
                           const char        *id)
{
  g_autofree char *title = NULL;
  g_auto(GStrv) carriers = NULL;
  BcTransfer *transfer;
  int mechanism;

  g_return_val_if_fail (BC_IS_TRANSFER_POPOVER (self), NULL);

  mechanism = bc_transfer_popover_get_mechanism (self);
  title = bc_transfer_popover_get_title (self);
  carriers = bc_transfer_popover_get_carriers (self);
  transfer = bc_transfer_new (id, bc_item_get_id (BC_ITEM (self->from)), bc_item_get_id (BC_ITEM (self->to)),
                              mechanism >= 0 ? mechanism : BC_MECHANISM_OTHER, title);
  g_object_set (transfer,
                "status", bc_transfer_popover_get_status (self),
                "carriers", carriers[0] != NULL ? carriers : NULL,
                NULL);
  return transfer;
}
