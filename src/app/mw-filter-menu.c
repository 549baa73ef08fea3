/* mw-filter-menu.c: the Filter menu — neighbours and what fades
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A menu button in the header bar whose popover holds the filter
 * (model/mw-filter.c: tie types shown, isolates, one organisation, one
 * unit, a value Find finds) and Highlight Neighbours (model/mw-neighbours.c:
 * one or two steps from the one selected actor, over the tie types shown).
 * Neither changes the network: they set the canvas's highlight, and the
 * renderer fades the rest. Neighbours of a selected actor come before the
 * filter; Find, while its bar is open, before both ("suspended"). When
 * something else clears the highlight (Escape on the canvas, a score
 * explanation closing) the filter comes back.
 */

#define G_LOG_DOMAIN "meshwork-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-filter-menu.h"
#include "mw-filter.h"
#include "mw-neighbours.h"

struct _MwFilterMenu
{
  GtkWidget     parent_instance;

  GtkWidget    *button;
  GtkWidget    *popover;
  GtkWidget    *steps[3];          /* Off, 1 step, 2 steps */
  GtkWidget    *tie_checks[MW_N_TIE_TYPES];
  GtkWidget    *isolates_check;
  GtkWidget    *org_dropdown;
  GtkWidget    *unit_dropdown;
  GtkWidget    *value_entry;

  MwCanvas     *canvas;            /* (nullable) (unowned) outlives the menu */
  MwNetwork    *network;           /* (nullable) (owned) the one we listen to */
  MwFilter     *filter;
  guint         n_steps;
  gboolean      suspended;
  gboolean      applying;
  gboolean      owns_highlight;
  gboolean      showing_neighbours;  /* what we highlight is neighbours */
  gboolean      neighbours_dismissed; /* cleared by Escape: not again until the selection changes */
  gboolean      filling;
  guint         idle_id;
};

G_DEFINE_FINAL_TYPE (MwFilterMenu, mw_filter_menu, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FILTERING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* N_() for the tie types as the menu names them, in MwTieType order. */
static const char *tie_labels[MW_N_TIE_TYPES] = {
  N_("Reports to"), N_("Collaborates"), N_("Influences"), N_("Checks"),
};

static MwActor *
the_selected_actor (MwFilterMenu *self)
{
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (self->canvas);

  return selected->len == 1 ? selected->pdata[0] : NULL;
}

static void
set_highlight (MwFilterMenu *self,
               MwItemSet    *set)
{
  g_autoptr(GPtrArray) actor_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) tie_ids = g_ptr_array_new ();
  MwItemSetIter iter;
  const char *id;

  mw_item_set_iter_init_actors (&iter, set);
  while (mw_item_set_iter_next (&iter, NULL, &id))
    g_ptr_array_add (actor_ids, (gpointer)id);
  g_ptr_array_add (actor_ids, NULL);
  mw_item_set_iter_init_ties (&iter, set);
  while (mw_item_set_iter_next (&iter, NULL, &id))
    g_ptr_array_add (tie_ids, (gpointer)id);
  g_ptr_array_add (tie_ids, NULL);

  self->applying = TRUE;
  mw_canvas_set_highlight (self->canvas, (const char * const *)actor_ids->pdata,
                           (const char * const *)tie_ids->pdata);
  self->applying = FALSE;
  self->owns_highlight = TRUE;
}

/* What neighbours or the filter bring forward now; NULL for nothing. */
static MwItemSet *
wanted_set (MwFilterMenu *self)
{
  MwActor *actor;

  if (self->canvas == NULL || self->network == NULL || self->suspended)
    return NULL;
  actor = self->n_steps > 0 && !self->neighbours_dismissed ? the_selected_actor (self) : NULL;
  self->showing_neighbours = actor != NULL;
  if (actor != NULL)
    return mw_neighbours (actor, self->n_steps, self->filter->tie_types);
  if (mw_filter_is_active (self->filter))
    return mw_filter_apply (self->filter, self->network);
  return NULL;
}

static void
apply (MwFilterMenu *self)
{
  g_autoptr(MwItemSet) set = wanted_set (self);

  if (set != NULL)
    set_highlight (self, set);
  else if (self->owns_highlight && !self->suspended)
    {
      self->applying = TRUE;
      mw_canvas_clear_highlight (self->canvas);
      self->applying = FALSE;
      self->owns_highlight = FALSE;
    }
}

static gboolean
apply_idle_cb (gpointer data)
{
  MwFilterMenu *self = data;

  self->idle_id = 0;
  apply (self);
  return G_SOURCE_REMOVE;
}

static void
apply_later (MwFilterMenu *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (apply_idle_cb, self);
}

/* Someone else's highlight: ours is gone; an empty one brings the filter
 * back (Escape clears neighbours until the next selection, not a filter). */
static void
highlight_changed_cb (MwFilterMenu *self)
{
  if (self->applying)
    return;
  if (self->owns_highlight && self->showing_neighbours)
    self->neighbours_dismissed = TRUE;
  self->owns_highlight = FALSE;
  if (!mw_canvas_has_highlight (self->canvas))
    apply_later (self);
}

static void
selection_changed_cb (MwFilterMenu *self)
{
  self->neighbours_dismissed = FALSE;
  if (self->n_steps > 0)
    apply_later (self);
}

static void
network_changed_cb (MwFilterMenu *self)
{
  if (self->owns_highlight || mw_filter_is_active (self->filter))
    apply_later (self);
}

static void
history_cb (MwFilterMenu *self)
{
  MwHistory *history = mw_canvas_get_history (self->canvas);
  MwNetwork *network = history != NULL ? mw_history_get_network (history) : NULL;

  if (network == self->network)
    return;
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_set_object (&self->network, network);
  if (network != NULL)
    g_signal_connect_object (network, "changed", G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  apply_later (self);
}

static void
notify_filtering (MwFilterMenu *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
  if (mw_filter_is_active (self->filter))
    gtk_widget_add_css_class (self->button, "accent");
  else
    gtk_widget_remove_css_class (self->button, "accent");
}

static char *
dropdown_value (GtkWidget *dropdown)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  /* The first entry is "Any". */
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), i));
}

/* Reads every control into the filter, then shows it. */
static void
controls_changed_cb (MwFilterMenu *self)
{
  if (self->filling)
    return;

  self->n_steps = 0;
  for (guint i = 1; i < G_N_ELEMENTS (self->steps); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->steps[i])))
      self->n_steps = i;
  self->filter->tie_types = 0;
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->tie_checks[t])))
      self->filter->tie_types |= 1u << t;
  self->filter->fade_isolates = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->isolates_check));
  g_free (self->filter->org);
  self->filter->org = dropdown_value (self->org_dropdown);
  g_free (self->filter->unit);
  self->filter->unit = dropdown_value (self->unit_dropdown);
  g_free (self->filter->value);
  self->filter->value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)));

  notify_filtering (self);
  apply (self);
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* "Any" and the values the actors have, sorted; the chosen one kept. */
static void
fill_dropdown (MwFilterMenu *self,
               GtkWidget    *dropdown,
               MwField       field)
{
  g_autofree char *chosen = dropdown_value (dropdown);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; self->network != NULL && i < mw_network_get_n_actors (self->network); i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      const char *value = field == MW_FIELD_ORG ? actor->org : actor->unit;

      if (*value != '\0' && g_hash_table_add (seen, (gpointer)value))
        g_ptr_array_add (values, (gpointer)value);
    }
  g_ptr_array_sort (values, compare_values);
  gtk_string_list_append (list, _("Any"));
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (list, values->pdata[i]);
      if (g_strcmp0 (chosen, values->pdata[i]) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
}

/* The organisations and units are read when the menu opens. */
static void
popover_show_cb (MwFilterMenu *self)
{
  self->filling = TRUE;
  fill_dropdown (self, self->org_dropdown, MW_FIELD_ORG);
  fill_dropdown (self, self->unit_dropdown, MW_FIELD_UNIT);
  self->filling = FALSE;
  controls_changed_cb (self);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
check (MwFilterMenu *self,
       GtkWidget    *box,
       const char   *label,
       gboolean      active)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (controls_changed_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static GtkWidget *
labelled_dropdown (MwFilterMenu *self,
                   GtkWidget    *box,
                   const char   *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  const char *any[] = { _("Any"), NULL };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (any);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (controls_changed_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (box), row);
  return dropdown;
}

static void
clear_clicked_cb (MwFilterMenu *self)
{
  mw_filter_menu_clear (self);
}

static void
build_popover (MwFilterMenu *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *clear;

  gtk_box_append (GTK_BOX (box), heading (_("Highlight Neighbours")));
  self->steps[0] = check (self, box, _("_Off"), TRUE);
  self->steps[1] = check (self, box, _("_1 Step"), FALSE);
  self->steps[2] = check (self, box, _("_2 Steps"), FALSE);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->steps[1]), GTK_CHECK_BUTTON (self->steps[0]));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->steps[2]), GTK_CHECK_BUTTON (self->steps[0]));

  gtk_box_append (GTK_BOX (box), heading (_("Ties Shown")));
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    self->tie_checks[t] = check (self, box, _(tie_labels[t]), TRUE);

  gtk_box_append (GTK_BOX (box), heading (_("Actors Shown")));
  self->isolates_check = check (self, box, _("Fade _Isolates"), FALSE);
  self->org_dropdown = labelled_dropdown (self, box, _("_Organisation"));
  self->unit_dropdown = labelled_dropdown (self, box, _("_Unit"));
  self->value_entry = gtk_search_entry_new ();
  g_object_set (self->value_entry, "placeholder-text", _("With a name or value…"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show only actors with this name or value"), -1);
  g_signal_connect_swapped (self->value_entry, "search-changed", G_CALLBACK (controls_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->value_entry);

  clear = gtk_button_new_with_mnemonic (_("_Clear Filter"));
  gtk_widget_set_margin_top (clear, 6);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), clear);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
}

static void
mw_filter_menu_dispose (GObject *object)
{
  MwFilterMenu *self = MW_FILTER_MENU (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);
  self->canvas = NULL;
  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (mw_filter_menu_parent_class)->dispose (object);
}

static void
mw_filter_menu_finalize (GObject *object)
{
  MwFilterMenu *self = MW_FILTER_MENU (object);

  mw_filter_free (self->filter);
  G_OBJECT_CLASS (mw_filter_menu_parent_class)->finalize (object);
}

static void
mw_filter_menu_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MwFilterMenu *self = MW_FILTER_MENU (object);

  switch (prop_id)
    {
    case PROP_FILTERING:
      g_value_set_boolean (value, mw_filter_menu_get_filtering (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_filter_menu_class_init (MwFilterMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_filter_menu_dispose;
  object_class->finalize = mw_filter_menu_finalize;
  object_class->get_property = mw_filter_menu_get_property;

  properties[PROP_FILTERING] =
    g_param_spec_boolean ("filtering", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mw_filter_menu_init (MwFilterMenu *self)
{
  self->filter = mw_filter_new ();
  build_popover (self);
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("Filter"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_tooltip_text (self->button, _("Highlight Neighbours and Fade What Is Not Shown"));
  /* GTK 4.8 does not name a menu button by its label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Highlight Neighbours and Fade What Is Not Shown"), -1);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

/* The canvas whose highlight the menu sets; it outlives the menu. */
void
mw_filter_menu_set_canvas (MwFilterMenu *self,
                           MwCanvas     *canvas)
{
  g_return_if_fail (MW_IS_FILTER_MENU (self));
  g_return_if_fail (MW_IS_CANVAS (canvas));

  self->canvas = canvas;
  g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "highlight-changed", G_CALLBACK (highlight_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_cb), self, G_CONNECT_SWAPPED);
  history_cb (self);
}

/* Returns: whether the filter fades anything (neighbours aside) */
gboolean
mw_filter_menu_get_filtering (MwFilterMenu *self)
{
  g_return_val_if_fail (MW_IS_FILTER_MENU (self), FALSE);

  return mw_filter_is_active (self->filter);
}

/**
 * mw_filter_menu_get_filter:
 *
 * Returns: (transfer none): the filter as the menu's controls set it; it
 *   changes when they do (#MwFilterMenu:filtering notifies)
 */
const MwFilter *
mw_filter_menu_get_filter (MwFilterMenu *self)
{
  g_return_val_if_fail (MW_IS_FILTER_MENU (self), NULL);

  return self->filter;
}

/* While Find shows its matches, the menu leaves the highlight alone. */
void
mw_filter_menu_set_suspended (MwFilterMenu *self,
                              gboolean      suspended)
{
  g_return_if_fail (MW_IS_FILTER_MENU (self));

  self->suspended = suspended;
  if (suspended)
    self->owns_highlight = FALSE;
  else
    apply (self);
}

/* Shows everything again and turns Highlight Neighbours off. */
void
mw_filter_menu_clear (MwFilterMenu *self)
{
  g_return_if_fail (MW_IS_FILTER_MENU (self));

  self->filling = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->steps[0]), TRUE);
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->tie_checks[t]), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->isolates_check), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->org_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_dropdown), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  self->filling = FALSE;
  controls_changed_cb (self);
}
