/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-outline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-item-picker.h"
#include "bc-outline-private.h"
#include "bc-search.h"

/* A button that creates a transfer or a link in two steps: the event it
 * starts from, then the one it reaches. */
typedef struct
{
  BcOutline     *outline; /* unowned: the outline owns the creator */
  GtkMenuButton *button;
  gboolean       link;
  char          *from;
  guint          popup_id;
} Creator;

typedef struct
{
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkListView        *view;
  GtkWidget          *page;
  GtkWidget          *new_button;
} Section;

struct _BcOutline
{
  GtkWidget parent_instance;

  BcCase         *case_;
  BcItem         *selected_item;
  char           *needle;
  GHashTable     *rows;          /* BcItem → its bound row, unowned */
  Section         sections[BC_OUTLINE_N_SECTIONS];
  gboolean        syncing;
  Creator         new_transfer;
  Creator         new_link;

  GtkSearchEntry *search_entry;
  GtkWidget      *switcher;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (BcOutline, bc_outline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_SELECTED_ITEM,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  const char *title;
  const char *new_label;
  const char *new_action;
} section_info[BC_OUTLINE_N_SECTIONS] = {
  { "actors", N_("Actors"), N_("New _Actor"), "win.new-actor" },
  { "events", N_("Events"), N_("New _Event"), "win.new-event" },
  { "transfers", N_("Transfers"), N_("New _Transfer…"), NULL },
  { "sources", N_("Sources"), N_("New _Source"), "win.new-source" },
};

/* Auxiliary functions */

static GListModel *
case_model (BcCase           *case_,
            BcOutlineSection  section)
{
  switch (section)
    {
    case BC_OUTLINE_ACTORS:
      return bc_case_get_actors (case_);
    case BC_OUTLINE_EVENTS:
      return bc_case_get_events (case_);
    case BC_OUTLINE_TRANSFERS:
      return bc_case_get_transfers (case_);
    case BC_OUTLINE_SOURCES:
      return bc_case_get_sources (case_);
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
section_of_item (BcItem *item)
{
  if (BC_IS_ACTOR (item))
    return BC_OUTLINE_ACTORS;
  if (BC_IS_EVENT (item))
    return BC_OUTLINE_EVENTS;
  if (BC_IS_TRANSFER (item))
    return BC_OUTLINE_TRANSFERS;
  if (BC_IS_SOURCE (item))
    return BC_OUTLINE_SOURCES;
  return -1;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  BcOutline *self = user_data;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  return bc_search_item_matches (BC_ITEM (item), self->needle);
}

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_internal (BcOutline *self,
                       BcItem    *item)
{
  if (!g_set_object (&self->selected_item, item))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/* Callbacks */

/* A row's tooltip is its title, given when asked for: on GTK 4.8,
 * setting a tooltip on a shown widget asks the display server where the
 * pointer is, a round trip for every row bound. */
static gboolean
row_query_tooltip (GtkWidget  *box,
                   int         x,
                   int         y,
                   gboolean    keyboard_mode,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  const char *title = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));

  if (title == NULL || *title == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "outline-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 30);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, box);
}

static void
fill_row (GtkWidget *box,
          BcItem    *item)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *title_text = bc_search_item_title (item);
  g_autofree char *subtitle_text = bc_search_item_details (item);

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text ? subtitle_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title_text,
                                  -1);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  BcOutline *self = user_data;
  BcItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  fill_row (box, item);
  if (self->rows != NULL)
    g_hash_table_insert (self->rows, item, box);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  BcOutline *self = user_data;
  BcItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && self->rows != NULL &&
      g_hash_table_lookup (self->rows, item) == gtk_list_item_get_child (list_item))
    g_hash_table_remove (self->rows, item);
}

/* The outline follows every edit: a row shows its item's title and
 * details as they are now, and a search sees them too. */
static void
case_changed (BcCase       *case_,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcOutline    *self)
{
  GtkWidget *box;
  int section;

  if (kind != BC_CHANGE_FIELD || !BC_IS_ITEM (object))
    return;

  box = self->rows ? g_hash_table_lookup (self->rows, object) : NULL;
  if (box != NULL)
    fill_row (box, BC_ITEM (object));

  /* What a search matches may have changed. */
  section = section_of_item (BC_ITEM (object));
  if (section >= 0 && self->needle != NULL && *self->needle != '\0')
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->sections[section].filtered),
                        GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed (GtkSingleSelection *selection,
                   GParamSpec         *pspec,
                   BcOutline          *self)
{
  BcItem *item;

  if (self->syncing)
    return;

  item = gtk_single_selection_get_selected_item (selection);
  if (item == NULL)
    return;

  /* One selection across the four lists. */
  self->syncing = TRUE;
  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    if (self->sections[i].selection != selection)
      gtk_single_selection_set_selected (self->sections[i].selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;

  set_selected_internal (self, item);
}

/* While a search is on, each tab says how many it found there:
 * "Events (3)", so a match in another section is never missed. */
static void
update_section_titles (BcOutline *self)
{
  gboolean searching = self->needle != NULL && *self->needle != '\0';

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];
      GtkStackPage *page;
      g_autofree char *title = NULL;

      if (section->page == NULL)
        continue;
      page = gtk_stack_get_page (self->stack, section->page);
      if (searching)
        /* TRANSLATORS: an outline tab while searching: the section
         * ("Events") and how many items the search found in it */
        title = g_strdup_printf (C_("outline tab", "%s (%u)"), _(section_info[i].title),
                                 g_list_model_get_n_items (G_LIST_MODEL (section->filtered)));
      else
        title = g_strdup (_(section_info[i].title));
      gtk_stack_page_set_title (page, title);
    }
}

static void
search_changed (GtkSearchEntry *entry,
                BcOutline      *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->needle);
  self->needle = bc_search_fold (text);

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->sections[i].filtered),
                        GTK_FILTER_CHANGE_DIFFERENT);
  update_section_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);

  /* Show the first section that has a match, so a search for a person
   * does not leave the user looking at an empty list of events. */
  {
    const char *visible = gtk_stack_get_visible_child_name (self->stack);
    int current = 0;

    for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
      if (g_strcmp0 (visible, section_info[i].name) == 0)
        current = i;

    if (g_list_model_get_n_items (G_LIST_MODEL (self->sections[current].filtered)) == 0)
      for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
        if (g_list_model_get_n_items (G_LIST_MODEL (self->sections[i].filtered)) > 0)
          {
            gtk_stack_set_visible_child_name (self->stack, section_info[i].name);
            break;
          }
  }
}

/* Enter selects the first match in the visible section. */
static void
search_activated (GtkSearchEntry *entry,
                  BcOutline      *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    if (g_strcmp0 (visible, section_info[i].name) == 0 &&
        g_list_model_get_n_items (G_LIST_MODEL (self->sections[i].filtered)) > 0)
      {
        gtk_single_selection_set_selected (self->sections[i].selection, 0);
        gtk_widget_grab_focus (GTK_WIDGET (self->sections[i].view));
      }
}

static void
search_stopped (GtkSearchEntry *entry,
                BcOutline      *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* A list makes and binds rows as soon as it has a model, and the stack
 * measures its hidden pages, so a section's list gets its model only
 * once its page is first shown: opening a case pays for one list. */
static void
stack_page_changed (GtkStack   *stack,
                    GParamSpec *pspec,
                    BcOutline  *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];

      if (section->page == visible && gtk_list_view_get_model (section->view) == NULL)
        gtk_list_view_set_model (section->view, GTK_SELECTION_MODEL (section->selection));
    }
}

/* Creating transfers and links */

static void
creator_created (GObject  *created,
                 gpointer  user_data)
{
  Creator *creator = user_data;
  BcOutline *self = creator->outline;

  /* A link is no item of its own: its first event stays selected. */
  if (BC_IS_ITEM (created))
    bc_outline_set_selected_item (self, BC_ITEM (created));
  else if (BC_IS_LINK (created) && self->case_ != NULL)
    bc_outline_set_selected_item (self, BC_ITEM (bc_case_lookup_event (self->case_,
                                                                       bc_link_get_from (BC_LINK (created)))));
}

static gboolean
creator_popup_again (gpointer data)
{
  Creator *creator = data;

  creator->popup_id = 0;
  gtk_menu_button_popup (creator->button);
  return G_SOURCE_REMOVE;
}

static void
creator_from_chosen (BcItemPicker *picker,
                     BcItem       *item,
                     Creator      *creator)
{
  g_free (creator->from);
  creator->from = g_strdup (bc_item_get_id (item));

  /* The second step, once this popover has gone. */
  if (creator->popup_id == 0)
    creator->popup_id = g_idle_add (creator_popup_again, creator);
}

static void
creator_target_closed (GtkPopover *popover,
                       Creator    *creator)
{
  g_clear_pointer (&creator->from, g_free);
}

static void
creator_create_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  Creator *creator = user_data;
  BcCase *case_ = creator->outline->case_;
  BcEvent *from = case_ && creator->from ? bc_case_lookup_event (case_, creator->from) : NULL;
  GtkWidget *picker;

  if (case_ == NULL)
    return;

  if (from == NULL)
    {
      picker = bc_item_picker_new (bc_case_get_events (case_),
                                   creator->link ? _("Search the event the link starts from")
                                                 : _("Search the event the transfer leaves"));
      g_signal_connect (picker, "item-chosen", G_CALLBACK (creator_from_chosen), creator);
    }
  else
    {
      picker = creator->link
               ? bc_editing_link_picker_new (case_, from, creator_created, creator)
               : bc_editing_transfer_picker_new (case_, from, creator_created, creator);
      g_signal_connect (picker, "closed", G_CALLBACK (creator_target_closed), creator);
    }
  gtk_menu_button_set_popover (button, picker);
}

static GtkWidget *
creator_button_new (BcOutline  *self,
                    Creator    *creator,
                    gboolean    link,
                    const char *label)
{
  GtkWidget *content = adw_button_content_new ();

  creator->outline = self;
  creator->link = link;
  creator->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_menu_button_set_child (creator->button, content);
  gtk_menu_button_set_create_popup_func (creator->button, creator_create_popup, creator, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (creator->button), "flat");
  return GTK_WIDGET (creator->button);
}

static void
creator_clear (Creator *creator)
{
  g_clear_handle_id (&creator->popup_id, g_source_remove);
  g_clear_pointer (&creator->from, g_free);
}

static GtkWidget *
new_button (const char *label,
            const char *action)
{
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *button = gtk_button_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* GObject */

static void
bc_outline_dispose (GObject *object)
{
  BcOutline *self = BC_OUTLINE (object);

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, stack_page_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_OUTLINE);

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      if (self->sections[i].selection != NULL)
        g_signal_handlers_disconnect_by_func (self->sections[i].selection, selection_changed, self);
      g_clear_object (&self->sections[i].selection);
      g_clear_object (&self->sections[i].filtered);
    }

  creator_clear (&self->new_transfer);
  creator_clear (&self->new_link);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (bc_outline_parent_class)->dispose (object);
}

static void
bc_outline_finalize (GObject *object)
{
  BcOutline *self = BC_OUTLINE (object);

  g_free (self->needle);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (bc_outline_parent_class)->finalize (object);
}

static void
bc_outline_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BcOutline *self = BC_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_outline_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BcOutline *self = BC_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      bc_outline_set_case (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      bc_outline_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                             g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_outline_class_init (BcOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_outline_dispose;
  object_class->finalize = bc_outline_finalize;
  object_class->get_property = bc_outline_get_property;
  object_class->set_property = bc_outline_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the search entry holds: the window shares it with the canvas,
   * which marks what the search finds. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, BcOutline, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BcOutline, switcher);
  gtk_widget_class_bind_template_child (widget_class, BcOutline, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcoutline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_outline_init (BcOutline *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomFilter *filter = gtk_custom_filter_new (filter_func, self, NULL);
      GtkWidget *scrolled;
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

      section->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
      /* Added, removed or edited into or out of the search. */
      g_signal_connect_object (section->filtered, "items-changed",
                               G_CALLBACK (update_section_titles), self, G_CONNECT_SWAPPED);
      section->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (section->filtered)));
      gtk_single_selection_set_autoselect (section->selection, FALSE);
      gtk_single_selection_set_can_unselect (section->selection, TRUE);
      gtk_single_selection_set_selected (section->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect (section->selection, "notify::selected-item",
                        G_CALLBACK (selection_changed), self);

      section->view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
      gtk_widget_add_css_class (GTK_WIDGET (section->view), "navigation-sidebar");
      gtk_accessible_update_property (GTK_ACCESSIBLE (section->view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(section_info[i].title),
                                      -1);

      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (section->view));
      gtk_widget_set_vexpand (scrolled, TRUE);
      gtk_box_append (GTK_BOX (page), scrolled);

      /* Each list creates its own kind of item. */
      gtk_widget_add_css_class (bar, "outline-actions");
      if (section_info[i].new_action != NULL)
        section->new_button = new_button (_(section_info[i].new_label), section_info[i].new_action);
      else
        section->new_button = creator_button_new (self, &self->new_transfer, FALSE,
                                                  _(section_info[i].new_label));
      gtk_box_append (GTK_BOX (bar), section->new_button);
      if (i == BC_OUTLINE_EVENTS)
        gtk_box_append (GTK_BOX (bar), creator_button_new (self, &self->new_link, TRUE, _("New _Link…")));
      gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (page), bar);

      section->page = page;
      gtk_stack_add_titled (self->stack, page, section_info[i].name, _(section_info[i].title));
    }

  /* Given the stack once its pages have their titles, the switcher makes
   * each button once: every button it updates sets a tooltip, which on
   * GTK 4.8 is a round trip to the X server. */
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->switcher), self->stack);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (stack_page_changed), self);
  gtk_stack_set_visible_child_name (self->stack, "events");
  stack_page_changed (self->stack, NULL, self);
}

/* Public API */

GtkWidget *
bc_outline_new (void)
{
  return g_object_new (BC_TYPE_OUTLINE, NULL);
}

BcCase *
bc_outline_get_case (BcOutline *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE (self), NULL);
  return self->case_;
}

void
bc_outline_set_case (BcOutline *self,
                     BcCase    *case_)
{
  g_return_if_fail (BC_IS_OUTLINE (self));
  g_return_if_fail (case_ == NULL || BC_IS_CASE (case_));

  if (self->case_ == case_)
    return;

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    g_signal_connect (case_, "changed", G_CALLBACK (case_changed), self);

  self->syncing = TRUE;
  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      gtk_filter_list_model_set_model (self->sections[i].filtered,
                                       case_ != NULL ? case_model (case_, i) : NULL);
      gtk_single_selection_set_selected (self->sections[i].selection, GTK_INVALID_LIST_POSITION);
    }
  self->syncing = FALSE;

  set_selected_internal (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

BcItem *
bc_outline_get_selected_item (BcOutline *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE (self), NULL);
  return self->selected_item;
}

/**
 * bc_outline_set_selected_item:
 * @self: an outline
 * @item: (nullable): an item of the outline's case
 *
 * Selects @item in its list, shows that list and scrolls to the row.
 * An item hidden by the search stays selected but shows no row.
 */
void
bc_outline_set_selected_item (BcOutline *self,
                              BcItem    *item)
{
  int section;

  g_return_if_fail (BC_IS_OUTLINE (self));

  if (item == self->selected_item)
    return;

  section = item != NULL ? section_of_item (item) : -1;

  self->syncing = TRUE;
  for (guint i = 0; i < BC_OUTLINE_N_SECTIONS; i++)
    {
      GListModel *model = G_LIST_MODEL (self->sections[i].filtered);
      guint position = (int) i == section ? find_position (model, item) : GTK_INVALID_LIST_POSITION;

      gtk_single_selection_set_selected (self->sections[i].selection, position);
      if (position != GTK_INVALID_LIST_POSITION)
        {
          gtk_stack_set_visible_child_name (self->stack, section_info[i].name);
          gtk_widget_activate_action (GTK_WIDGET (self->sections[i].view),
                                      "list.scroll-to-item", "u", position);
        }
    }
  self->syncing = FALSE;

  set_selected_internal (self, item);
}

void
bc_outline_focus_search (BcOutline *self)
{
  g_return_if_fail (BC_IS_OUTLINE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Private API */

GListModel *
_bc_outline_get_model (BcOutline        *self,
                       BcOutlineSection  section)
{
  g_return_val_if_fail (section < BC_OUTLINE_N_SECTIONS, NULL);
  return G_LIST_MODEL (self->sections[section].selection);
}

GtkSearchEntry *
_bc_outline_get_search_entry (BcOutline *self)
{
  return self->search_entry;
}

const char *
_bc_outline_get_section_name (BcOutline *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The button of @section that creates an item of its kind; for the
 * transfers, the menu button whose popovers ask for the two events. */
GtkWidget *
_bc_outline_get_new_button (BcOutline        *self,
                            BcOutlineSection  section)
{
  g_return_val_if_fail (section < BC_OUTLINE_N_SECTIONS, NULL);
  return self->sections[section].new_button;
}

GtkWidget *
_bc_outline_get_new_link_button (BcOutline *self)
{
  return GTK_WIDGET (self->new_link.button);
}
