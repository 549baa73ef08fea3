/* mw-presentation.c: full-screen slides of the context diagrams and networks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For workshops: the four contexts of Ancona & Backman, each with its
 * caption and scores, then the networks the user has open. Type is sized
 * from the window's height, so a 1024×768 projector and a 4K screen show
 * the same slide, only sharper.
 */

#define G_LOG_DOMAIN "meshwork-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-templates.h"
#include "mw-presentation.h"
#include "mw-renderer.h"
#include "mw-scores.h"

#define CONTEXT_SEED 2017

typedef struct
{
  MwNetwork  *network;
  MwRenderer *renderer;
  char       *title;
  char       *caption;
  MwScores   *scores;   /* (nullable) computed when first shown */
} Slide;

struct _MwPresentation
{
  AdwWindow     parent_instance;

  GtkWidget    *stage;
  GtkWidget    *title_label;
  GtkWidget    *caption_label;
  GtkWidget    *drawing;
  GtkWidget    *scores_box;
  GtkWidget    *index_label;
  GtkWidget    *element_labels[MW_N_ELEMENTS];
  GtkWidget    *element_values[MW_N_ELEMENTS];
  GtkWidget    *element_bars[MW_N_ELEMENTS];
  GtkWidget    *counter_label;
  GtkWidget    *hint_label;

  GSettings    *settings;
  GArray       *slides;
  guint         current;
  int           type_height;  /* the height type was last sized for */
  int           wanted_height;
  guint         resize_id;
};

G_DEFINE_FINAL_TYPE (MwPresentation, mw_presentation, ADW_TYPE_WINDOW)

static void
slide_clear (Slide *slide)
{
  g_clear_object (&slide->renderer);
  g_clear_object (&slide->network);
  g_clear_pointer (&slide->title, g_free);
  g_clear_pointer (&slide->caption, g_free);
  g_clear_pointer (&slide->scores, mw_scores_unref);
}

static void
set_type_size (GtkWidget *label,
               int        px,
               PangoWeight weight)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (px * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

/* Every size is a share of the window's height. */
static void
size_type (MwPresentation *self,
           int             height)
{
  int body = MAX (12, height / 42);
  int margin = MAX (12, height / 24);

  g_assert (MW_IS_PRESENTATION (self));

  if (height == self->type_height)
    return;
  self->type_height = height;

  set_type_size (self->title_label, MAX (20, height / 22), PANGO_WEIGHT_BOLD);
  set_type_size (self->caption_label, MAX (14, height / 40), PANGO_WEIGHT_NORMAL);
  set_type_size (self->index_label, MAX (16, height / 20), PANGO_WEIGHT_BOLD);
  set_type_size (self->counter_label, body, PANGO_WEIGHT_NORMAL);
  set_type_size (self->hint_label, MAX (10, height / 64), PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      set_type_size (self->element_labels[i], body, PANGO_WEIGHT_NORMAL);
      set_type_size (self->element_values[i], body, PANGO_WEIGHT_BOLD);
      gtk_widget_set_size_request (self->element_bars[i], height / 5, MAX (6, height / 120));
    }
  gtk_widget_set_margin_top (self->title_label, margin);
  gtk_widget_set_margin_start (self->title_label, margin);
  gtk_widget_set_margin_end (self->title_label, margin);
  gtk_widget_set_margin_start (self->caption_label, margin);
  gtk_widget_set_margin_end (self->caption_label, margin);
  gtk_widget_set_margin_bottom (self->drawing, margin * 3 / 2);
  gtk_widget_set_margin_start (self->drawing, margin);
  gtk_widget_set_margin_end (self->drawing, margin);
  gtk_widget_set_margin_end (self->scores_box, margin);
  gtk_widget_set_margin_start (self->counter_label, margin);
  gtk_widget_set_margin_bottom (self->counter_label, margin / 2);
  gtk_widget_set_margin_bottom (self->hint_label, margin / 2);
}

static void
draw_slide_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  MwPresentation *self = user_data;
  Slide *slide;
  MwView view;
  MwRect bounds;

  if (self->slides->len == 0)
    return;

  slide = &g_array_index (self->slides, Slide, self->current);
  mw_view_init (&view, width, height);
  view.scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  view.dark = mw_presentation_get_dark (self);
  view.transparent = TRUE;
  if (mw_renderer_get_bounds (slide->renderer, &bounds))
    mw_view_fit (&view, &bounds, 16);
  mw_renderer_draw (slide->renderer, cr, &view);
}

static void
show_scores (MwPresentation *self,
             Slide          *slide)
{
  g_autofree char *index = NULL;

  g_assert (MW_IS_PRESENTATION (self));

  if (slide->scores == NULL)
    slide->scores = mw_scores_compute (slide->network);

  /* Translators: the distributed leadership index on a slide */
  index = g_strdup_printf (_("Index %.0f"), mw_scores_get_index (slide->scores));
  gtk_label_set_label (GTK_LABEL (self->index_label), index);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%.0f", mw_scores_get_score (slide->scores, i));

      gtk_label_set_label (GTK_LABEL (self->element_values[i]), value);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (self->element_bars[i]), mw_scores_get_score (slide->scores, i));
    }
}

static void
show_slide (MwPresentation *self)
{
  Slide *slide;
  g_autofree char *counter = NULL;

  g_assert (MW_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;

  slide = &g_array_index (self->slides, Slide, self->current);
  gtk_label_set_label (GTK_LABEL (self->title_label), slide->title);
  gtk_label_set_label (GTK_LABEL (self->caption_label), slide->caption);
  gtk_widget_set_visible (self->caption_label, slide->caption != NULL && *slide->caption != '\0');
  /* Translators: which slide is shown, "3 / 5" */
  counter = g_strdup_printf (_("%u / %u"), self->current + 1, self->slides->len);
  gtk_label_set_label (GTK_LABEL (self->counter_label), counter);
  gtk_widget_set_visible (self->scores_box, mw_presentation_get_show_scores (self));
  if (mw_presentation_get_show_scores (self))
    show_scores (self, slide);
  gtk_widget_queue_draw (self->drawing);
}

static void
update_stage (MwPresentation *self)
{
  gboolean dark = mw_presentation_get_dark (self);

  g_assert (MW_IS_PRESENTATION (self));

  gtk_widget_remove_css_class (self->stage, dark ? "light" : "dark");
  gtk_widget_add_css_class (self->stage, dark ? "dark" : "light");
  gtk_widget_queue_draw (self->drawing);
}

static void
presentation_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  MwPresentation *self = MW_PRESENTATION (widget);
  guint n = self->slides->len;

  if (g_str_equal (name, "presentation.next") && self->current + 1 < n)
    mw_presentation_set_slide (self, self->current + 1);
  else if (g_str_equal (name, "presentation.previous") && self->current > 0)
    mw_presentation_set_slide (self, self->current - 1);
  else if (g_str_equal (name, "presentation.first") && n > 0)
    mw_presentation_set_slide (self, 0);
  else if (g_str_equal (name, "presentation.last") && n > 0)
    mw_presentation_set_slide (self, n - 1);
  else if (g_str_equal (name, "presentation.toggle-scores"))
    {
      g_settings_set_boolean (self->settings, "presentation-scores", !mw_presentation_get_show_scores (self));
      show_slide (self);
    }
  else if (g_str_equal (name, "presentation.toggle-stage"))
    {
      g_settings_set_boolean (self->settings, "presentation-dark", !mw_presentation_get_dark (self));
      update_stage (self);
    }
  else if (g_str_equal (name, "presentation.leave"))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* A click moves on, a right click goes back: some clickers are mice. */
static void
click_cb (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          MwPresentation  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == GDK_BUTTON_SECONDARY ? "presentation.previous" : "presentation.next",
                              NULL);
}

static gboolean
resize_type_cb (gpointer user_data)
{
  MwPresentation *self = user_data;

  self->resize_id = 0;
  size_type (self, self->wanted_height);
  return G_SOURCE_REMOVE;
}

static void
mw_presentation_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MwPresentation *self = MW_PRESENTATION (widget);

  /* Resizing type here would resize during allocation: do it right after. */
  self->wanted_height = MIN (height, width * 3 / 4);
  if (self->wanted_height != self->type_height && self->resize_id == 0)
    self->resize_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_type_cb, self, NULL);
  GTK_WIDGET_CLASS (mw_presentation_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
mw_presentation_dispose (GObject *object)
{
  MwPresentation *self = MW_PRESENTATION (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mw_presentation_parent_class)->dispose (object);
}

static void
mw_presentation_finalize (GObject *object)
{
  MwPresentation *self = MW_PRESENTATION (object);

  g_clear_pointer (&self->slides, g_array_unref);

  G_OBJECT_CLASS (mw_presentation_parent_class)->finalize (object);
}

/* Every key of presentation mode, in one table (the footer and the help
 * overlay describe it). */
static const MwPresentationKey keys[] = {
  { GDK_KEY_Right, "presentation.next" },
  { GDK_KEY_KP_Right, "presentation.next" },
  { GDK_KEY_Down, "presentation.next" },
  { GDK_KEY_KP_Down, "presentation.next" },
  { GDK_KEY_space, "presentation.next" },
  { GDK_KEY_Page_Down, "presentation.next" },
  { GDK_KEY_KP_Page_Down, "presentation.next" },
  { GDK_KEY_Return, "presentation.next" },
  { GDK_KEY_Left, "presentation.previous" },
  { GDK_KEY_KP_Left, "presentation.previous" },
  { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_KP_Up, "presentation.previous" },
  { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, "presentation.previous" },
  { GDK_KEY_BackSpace, "presentation.previous" },
  { GDK_KEY_Home, "presentation.first" },
  { GDK_KEY_KP_Home, "presentation.first" },
  { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_KP_End, "presentation.last" },
  { GDK_KEY_s, "presentation.toggle-scores" },
  { GDK_KEY_d, "presentation.toggle-stage" },
  { GDK_KEY_Escape, "presentation.leave" },
};

/* GtkWindow's own class bindings come before a subclass's and take the
 * arrows (move focus) and Space and Return (activate focus), so the keys
 * are caught on the way down, before any of those. */
static void
add_key_controller (MwPresentation *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_assert (MW_IS_PRESENTATION (self));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
mw_presentation_class_init (MwPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = { "next", "previous", "first", "last", "toggle-scores", "toggle-stage", "leave" };

  object_class->dispose = mw_presentation_dispose;
  object_class->finalize = mw_presentation_finalize;
  widget_class->size_allocate = mw_presentation_size_allocate;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strconcat ("presentation.", actions[i], NULL);
      gtk_widget_class_install_action (widget_class, name, NULL, presentation_action);
    }
}

static GtkWidget *
build_scores_box (MwPresentation *self)
{
  GtkWidget *grid = gtk_grid_new ();

  g_assert (MW_IS_PRESENTATION (self));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (grid, "slide-scores");

  self->index_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->index_label), 0);
  gtk_grid_attach (GTK_GRID (grid), self->index_label, 0, 0, 3, 1);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      self->element_labels[i] = gtk_label_new (mw_element_get_title (i));
      gtk_label_set_xalign (GTK_LABEL (self->element_labels[i]), 0);
      self->element_bars[i] = gtk_level_bar_new_for_interval (0, 100);
      gtk_widget_set_valign (self->element_bars[i], GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->element_bars[i]), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->element_bars[i]), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->element_bars[i]), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->element_bars[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->element_labels[i], NULL, -1);
      self->element_values[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->element_values[i]), 1);
      gtk_widget_add_css_class (self->element_values[i], "numeric");
      gtk_grid_attach (GTK_GRID (grid), self->element_labels[i], 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->element_bars[i], 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->element_values[i], 2, i + 1, 1, 1);
    }
  return grid;
}

static GtkWidget *
build_footer (MwPresentation *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  g_assert (MW_IS_PRESENTATION (self));

  gtk_widget_set_valign (footer, GTK_ALIGN_END);
  gtk_widget_set_halign (footer, GTK_ALIGN_START);
  self->counter_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->counter_label, "numeric");
  gtk_widget_add_css_class (self->counter_label, "dim-label");
  self->hint_label = gtk_label_new (_("Arrow keys or Space to move · S scores · D dark or light · Esc to leave"));
  gtk_widget_add_css_class (self->hint_label, "dim-label");
  gtk_box_append (GTK_BOX (footer), self->counter_label);
  gtk_box_append (GTK_BOX (footer), self->hint_label);
  return footer;
}

static void
build_stage (MwPresentation *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();

  g_assert (MW_IS_PRESENTATION (self));

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  self->caption_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->caption_label), TRUE);
  gtk_widget_add_css_class (self->caption_label, "slide-caption");
  self->drawing = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->drawing, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing), draw_slide_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Network diagram"), -1);
  gtk_widget_set_hexpand (self->drawing, TRUE);
  self->scores_box = build_scores_box (self);
  gtk_box_append (GTK_BOX (body), self->drawing);
  gtk_box_append (GTK_BOX (body), self->scores_box);
  gtk_box_append (GTK_BOX (column), self->title_label);
  gtk_box_append (GTK_BOX (column), self->caption_label);
  gtk_box_append (GTK_BOX (column), body);

  self->stage = gtk_overlay_new ();
  gtk_widget_add_css_class (self->stage, "presentation");
  gtk_overlay_set_child (GTK_OVERLAY (self->stage), column);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->stage), build_footer (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_cb), self, 0);
  gtk_widget_add_controller (self->stage, GTK_EVENT_CONTROLLER (click));
  adw_window_set_content (ADW_WINDOW (self), self->stage);
}

/* The four contexts of the research, built the same every time. */
static void
add_context_slides (MwPresentation *self)
{
  for (guint i = 0; i < MW_N_SCORE_CONTEXTS; i++)
    {
      const char *name = mw_score_context_to_string (i);
      const MwTemplate *context = mw_template_lookup (name);
      g_autoptr(MwNetwork) network = NULL;
      g_autoptr(GError) error = NULL;

      if (context == NULL)
        continue;
      network = mw_template_build (name, MW_TEMPLATE_DEFAULT_SIZE, CONTEXT_SEED, &error);
      if (network == NULL)
        {
          g_warning ("Could not build the “%s” diagram: %s", name, error->message);
          continue;
        }
      mw_presentation_add_network (self, network, context->title, context->caption);
    }
}

static void
mw_presentation_init (MwPresentation *self)
{
  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  self->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (self->slides, (GDestroyNotify)slide_clear);

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  build_stage (self);
  add_key_controller (self);
  update_stage (self);
  size_type (self, 768);
  add_context_slides (self);
  show_slide (self);
}

/**
 * mw_presentation_new:
 * @parent: (nullable): the window it was started from
 *
 * Slides of the four context diagrams; add the open networks with
 * mw_presentation_add_network(), then present it full screen.
 */
MwPresentation *
mw_presentation_new (GtkWindow *parent)
{
  MwPresentation *self = g_object_new (MW_TYPE_PRESENTATION, NULL);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  return self;
}

/* A slide of a copy of @network as it is now, after the others. */
void
mw_presentation_add_network (MwPresentation *self,
                             MwNetwork      *network,
                             const char     *title,
                             const char     *caption)
{
  Slide slide = { 0 };

  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (MW_IS_NETWORK (network));

  slide.network = mw_network_copy (network);
  slide.renderer = mw_renderer_new (slide.network);
  slide.title = g_strdup (title);
  slide.caption = g_strdup (caption);
  g_array_append_val (self->slides, slide);
  show_slide (self);
}

guint
mw_presentation_get_n_slides (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
mw_presentation_get_slide (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), 0);
  return self->current;
}

void
mw_presentation_set_slide (MwPresentation *self,
                           guint           slide)
{
  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (slide < self->slides->len);

  self->current = slide;
  show_slide (self);
}

const char *
mw_presentation_get_slide_title (MwPresentation *self,
                                 guint           slide)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (slide < self->slides->len, NULL);
  return g_array_index (self->slides, Slide, slide).title;
}

gboolean
mw_presentation_get_show_scores (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), FALSE);
  return g_settings_get_boolean (self->settings, "presentation-scores");
}

/**
 * mw_presentation_get_keys:
 * @n_keys: (out): the number of keys
 *
 * Returns: (transfer none): every key presentation mode answers to, with the
 * `presentation.` action it runs; read-only
 */
const MwPresentationKey *
mw_presentation_get_keys (guint *n_keys)
{
  g_return_val_if_fail (n_keys != NULL, NULL);

  *n_keys = G_N_ELEMENTS (keys);
  return keys;
}

gboolean
mw_presentation_get_dark (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), FALSE);
  return g_settings_get_boolean (self->settings, "presentation-dark");
}
