/* mw-find-bar.c: Find (Ctrl+F) over the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search bar as GNOME apps have it: what is typed finds actors by name
 * and attribute values (the rule is model/mw-find.c), every match is
 * highlighted on the canvas, "3 of 12" says where one is, Enter and
 * Shift+Enter (or Ctrl+G and Ctrl+Shift+G) select and centre the next and
 * previous match, Escape closes the bar and clears the highlight. While it
 * is open with a text it owns the canvas's highlight; "showing" tells the
 * window when it lets go.
 */

#define G_LOG_DOMAIN "meshwork-find"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-find-bar.h"
#include "mw-find.h"

struct _MwFindBar
{
  GtkWidget   parent_instance;

  GtkWidget  *search_bar;
  GtkWidget  *entry;
  GtkWidget  *status;
  GtkWidget  *previous_button;
  GtkWidget  *next_button;

  MwCanvas   *canvas;     /* (nullable) (unowned) the window's; outlives the bar */
  GPtrArray  *found;      /* char*: ids of the matches, in network order */
  guint       current;    /* index into found; found->len while none is current */
};

G_DEFINE_FINAL_TYPE (MwFindBar, mw_find_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ACTIVE,
  PROP_SHOWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (MwFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *status = NULL;

  if (*text == '\0')
    status = g_strdup ("");
  else if (self->found->len == 0)
    status = g_strdup (_("No match"));
  else if (self->current < self->found->len)
    /* Translators: which match is shown, "3 of 12" */
    status = g_strdup_printf (_("%u of %u"), self->current + 1, self->found->len);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", self->found->len),
                              self->found->len);
  gtk_label_set_text (GTK_LABEL (self->status), status);
  gtk_widget_set_sensitive (self->previous_button, self->found->len > 0);
  gtk_widget_set_sensitive (self->next_button, self->found->len > 0);
}

static void
show_current (MwFindBar *self)
{
  MwHistory *history;
  MwActor *actor;

  if (self->canvas == NULL || self->current >= self->found->len)
    return;
  history = mw_canvas_get_history (self->canvas);
  actor = mw_network_lookup_actor (mw_history_get_network (history), self->found->pdata[self->current]);
  if (actor != NULL)
    mw_canvas_select_and_center (self->canvas, actor);
}

/* Finds again and highlights every match; @first shows the first one. */
static void
refind (MwFindBar *self,
        gboolean   first)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) actors = NULL;
  MwNetwork *network;

  g_ptr_array_set_size (self->found, 0);
  self->current = 0;
  if (self->canvas == NULL || mw_canvas_get_history (self->canvas) == NULL)
    return;

  network = mw_history_get_network (mw_canvas_get_history (self->canvas));
  actors = mw_find_actors (network, text);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (self->found, g_strdup (((MwActor *)actors->pdata[i])->id));
  g_ptr_array_add (self->found, NULL);
  if (self->found->len > 1)
    mw_canvas_set_highlight (self->canvas, (const char * const *)self->found->pdata, NULL);
  else
    mw_canvas_clear_highlight (self->canvas);
  g_ptr_array_set_size (self->found, self->found->len - 1);

  self->current = first ? 0 : self->found->len;
  show_current (self);
  update_status (self);
}

static void
search_changed_cb (MwFindBar *self)
{
  refind (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
}

/**
 * mw_find_bar_move:
 * @forward: the next match, else the previous one
 *
 * Selects and centres the next or previous match, round the end; with
 * the bar closed or nothing found, opens the bar to type in.
 */
void
mw_find_bar_move (MwFindBar *self,
                  gboolean   forward)
{
  guint n;

  g_return_if_fail (MW_IS_FIND_BAR (self));

  n = self->found->len;
  /* Nothing to go to: the bar, where to type what to find. */
  if (!mw_find_bar_get_active (self) || n == 0)
    {
      mw_find_bar_open (self);
      return;
    }
  if (self->current >= n)
    self->current = forward ? 0 : n - 1;
  else
    self->current = forward ? (self->current + 1) % n : (self->current + n - 1) % n;
  show_current (self);
  update_status (self);
}

static gboolean
key_pressed_cb (MwFindBar             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  mw_find_bar_move (self, (state & GDK_SHIFT_MASK) == 0);
  return GDK_EVENT_STOP;
}

static void
next_match_cb (MwFindBar *self)
{
  mw_find_bar_move (self, TRUE);
}

static void
previous_match_cb (MwFindBar *self)
{
  mw_find_bar_move (self, FALSE);
}

/* Closing lets go of the highlight and of the text. */
static void
search_mode_cb (MwFindBar *self)
{
  if (!mw_find_bar_get_active (self))
    {
      g_ptr_array_set_size (self->found, 0);
      if (self->canvas != NULL)
        mw_canvas_clear_highlight (self->canvas);
      if (self->canvas != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->canvas)))
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
}

static GtkWidget *
nav_button (MwFindBar  *self,
            const char *icon,
            const char *tooltip,
            GCallback   clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static void
build (MwFindBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->entry = gtk_search_entry_new ();
  gtk_widget_set_size_request (self->entry, 280, -1);
  g_object_set (self->entry, "placeholder-text", _("Find names and values"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find actors by name or attribute value"), -1);
  self->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_widget_add_css_class (self->status, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (self->status), 10);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  self->previous_button = nav_button (self, "go-up-symbolic", _("Previous Match"), G_CALLBACK (previous_match_cb));
  self->next_button = nav_button (self, "go-down-symbolic", _("Next Match"), G_CALLBACK (next_match_cb));
  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), self->previous_button);
  gtk_box_append (GTK_BOX (nav), self->next_button);
  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), self->status);
  gtk_box_append (GTK_BOX (box), nav);

  self->search_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), box);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_set_parent (self->search_bar, GTK_WIDGET (self));

  /* Capture: Shift+Enter must not reach the entry as a plain activate. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "next-match", G_CALLBACK (next_match_cb), self);
  g_signal_connect_swapped (self->entry, "previous-match", G_CALLBACK (previous_match_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
}

static void
mw_find_bar_dispose (GObject *object)
{
  MwFindBar *self = MW_FIND_BAR (object);

  g_clear_pointer (&self->search_bar, gtk_widget_unparent);
  self->canvas = NULL;
  G_OBJECT_CLASS (mw_find_bar_parent_class)->dispose (object);
}

static void
mw_find_bar_finalize (GObject *object)
{
  MwFindBar *self = MW_FIND_BAR (object);

  g_ptr_array_unref (self->found);
  G_OBJECT_CLASS (mw_find_bar_parent_class)->finalize (object);
}

static void
mw_find_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MwFindBar *self = MW_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, mw_find_bar_get_active (self));
      break;
    case PROP_SHOWING:
      g_value_set_boolean (value, mw_find_bar_get_showing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_find_bar_class_init (MwFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_find_bar_dispose;
  object_class->finalize = mw_find_bar_finalize;
  object_class->get_property = mw_find_bar_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWING] =
    g_param_spec_boolean ("showing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mwfindbar");
}

static void
mw_find_bar_init (MwFindBar *self)
{
  self->found = g_ptr_array_new_with_free_func (g_free);
  build (self);
}

GtkWidget *
mw_find_bar_new (void)
{
  return g_object_new (MW_TYPE_FIND_BAR, NULL);
}

/* The canvas whose actors are found and highlighted; it outlives the bar. */
void
mw_find_bar_set_canvas (MwFindBar *self,
                        MwCanvas  *canvas)
{
  g_return_if_fail (MW_IS_FIND_BAR (self));
  g_return_if_fail (canvas == NULL || MW_IS_CANVAS (canvas));

  self->canvas = canvas;
}

/* Opens the bar with its text selected, so typing replaces it. */
void
mw_find_bar_open (MwFindBar *self)
{
  g_return_if_fail (MW_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  if (gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0')
    refind (self, TRUE);
}

void
mw_find_bar_close (MwFindBar *self)
{
  g_return_if_fail (MW_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
}

gboolean
mw_find_bar_get_active (MwFindBar *self)
{
  g_return_val_if_fail (MW_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar));
}

/* Returns: whether the bar is open with a text, so its matches (or the
 * lack of them) are what the canvas highlights */
gboolean
mw_find_bar_get_showing (MwFindBar *self)
{
  g_return_val_if_fail (MW_IS_FIND_BAR (self), FALSE);

  return mw_find_bar_get_active (self) && gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0';
}

guint
mw_find_bar_get_n_found (MwFindBar *self)
{
  g_return_val_if_fail (MW_IS_FIND_BAR (self), 0);

  return self->found->len;
}
