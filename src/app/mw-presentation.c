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
#include <string.h>

#include "mw-presentation.h"
#include "mw-presentation-morph.h"
#include "mw-presentation-slides.h"

struct _MwPresentation
{
  AdwWindow     parent_instance;

  GtkWidget    *stage;
  GtkWidget    *drawing;
  GtkWidget    *counter_label;
  GtkWidget    *hint_label;

  GSettings    *settings;
  GPtrArray    *slides;       /* MwSlide */
  guint         current;
  guint         step;         /* the current slide's build step */
  gboolean      legend;
  gboolean      builds;       /* the context slides build up layer by layer */
  int           type_height;  /* the height type was last sized for */
  int           wanted_height;
  guint         resize_id;
  MwSlideMorph *morph;        /* (nullable) the change to this slide, played */
};

G_DEFINE_FINAL_TYPE (MwPresentation, mw_presentation, ADW_TYPE_WINDOW)

static void
set_type_size (GtkWidget  *label,
               int         px,
               PangoWeight weight)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (px * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

/* The footer's type is a share of the window's height, like the slide's. */
static void
size_type (MwPresentation *self,
           int             height)
{
  int margin = MAX (12, height / 24);

  g_assert (MW_IS_PRESENTATION (self));

  if (height == self->type_height)
    return;
  self->type_height = height;

  set_type_size (self->counter_label, MAX (12, height / 42), PANGO_WEIGHT_NORMAL);
  set_type_size (self->hint_label, MAX (10, height / 64), PANGO_WEIGHT_NORMAL);
  gtk_widget_set_margin_start (self->counter_label, margin);
  gtk_widget_set_margin_bottom (self->counter_label, margin / 2);
  gtk_widget_set_margin_bottom (self->hint_label, margin / 2);
}

static MwSlide *
current_slide (MwPresentation *self)
{
  g_assert (MW_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return NULL;
  return g_ptr_array_index (self->slides, self->current);
}

static void
slide_options (MwPresentation *self,
               MwSlideOptions *options)
{
  g_assert (MW_IS_PRESENTATION (self));

  memset (options, 0, sizeof *options);
  options->dark = mw_presentation_get_dark (self);
  options->scores = mw_presentation_get_show_scores (self);
  options->legend = self->legend;
  options->background = TRUE;
  options->scale = gtk_widget_get_scale_factor (self->drawing);
}

static void
draw_slide_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  MwPresentation *self = user_data;
  MwSlide *slide = current_slide (self);
  MwSlideOptions options;

  if (slide == NULL)
    return;
  slide_options (self, &options);
  if (self->morph != NULL && mw_slide_morph_get_progress (self->morph) >= 0)
    {
      mw_slide_morph_draw (self->morph, cr, width, height, &options);
      return;
    }
  g_clear_pointer (&self->morph, mw_slide_morph_free);
  mw_slide_draw (slide, cr, self->step, width, height, &options);
}

static void
show_slide (MwPresentation *self)
{
  MwSlide *slide = current_slide (self);
  g_autofree char *counter = NULL;

  g_assert (MW_IS_PRESENTATION (self));

  if (slide == NULL)
    return;

  /* The slide is one drawing: its words go to assistive technologies here. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mw_slide_get_title (slide),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mw_slide_get_caption (slide),
                                  -1);
  /* Translators: which slide is shown, "3 / 5" */
  counter = g_strdup_printf (_("%u / %u"), self->current + 1, self->slides->len);
  gtk_label_set_label (GTK_LABEL (self->counter_label), counter);
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

static guint
n_steps (MwPresentation *self,
         guint           slide)
{
  g_assert (MW_IS_PRESENTATION (self));
  return mw_slide_get_n_steps (g_ptr_array_index (self->slides, slide));
}

/* From one organisation's slide to the next of it at another moment, the
 * stage plays the change (unless animations are off). */
static void
morph_to (MwPresentation *self,
          guint           slide,
          guint           step)
{
  gboolean animations = TRUE;

  g_assert (MW_IS_PRESENTATION (self));

  g_clear_pointer (&self->morph, mw_slide_morph_free);
  g_object_get (gtk_widget_get_settings (self->drawing), "gtk-enable-animations", &animations, NULL);
  if (slide == self->current || !animations || !gtk_widget_get_mapped (self->drawing))
    return;
  self->morph = mw_slide_morph_new (current_slide (self), self->step, g_ptr_array_index (self->slides, slide), step);
  if (self->morph != NULL)
    mw_slide_morph_start (self->morph, self->drawing);
}

static void
go_to (MwPresentation *self,
       guint           slide,
       guint           step)
{
  g_assert (MW_IS_PRESENTATION (self));

  morph_to (self, slide, step);
  self->current = slide;
  self->step = step;
  show_slide (self);
}

/* One build step on, then the next slide from its first step. */
static void
next (MwPresentation *self)
{
  g_assert (MW_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;
  if (self->step + 1 < n_steps (self, self->current))
    go_to (self, self->current, self->step + 1);
  else if (self->current + 1 < self->slides->len)
    go_to (self, self->current + 1, 0);
}

/* One build step back, then the slide before as its build ends. */
static void
previous (MwPresentation *self)
{
  g_assert (MW_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;
  if (self->step > 0)
    go_to (self, self->current, self->step - 1);
  else if (self->current > 0)
    go_to (self, self->current - 1, n_steps (self, self->current - 1) - 1);
}

/* The context slides tell the story "from pyramids to networks" in steps;
 * without builds each shows its whole network at once. */
static void
set_builds (MwPresentation *self,
            gboolean        builds)
{
  g_assert (MW_IS_PRESENTATION (self));

  self->builds = builds;
  for (guint i = 0; i < self->slides->len; i++)
    {
      MwSlide *slide = g_ptr_array_index (self->slides, i);

      if (g_object_get_data (G_OBJECT (slide), "mw-context") != NULL)
        mw_slide_set_builds (slide, builds);
    }
  if (self->slides->len > 0)
    self->step = builds ? 0 : MIN (self->step, n_steps (self, self->current) - 1);
  show_slide (self);
}

static void
presentation_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  MwPresentation *self = MW_PRESENTATION (widget);
  guint n = self->slides->len;

  if (g_str_equal (name, "presentation.next"))
    next (self);
  else if (g_str_equal (name, "presentation.previous"))
    previous (self);
  else if (g_str_equal (name, "presentation.first") && n > 0)
    go_to (self, 0, 0);
  else if (g_str_equal (name, "presentation.last") && n > 0)
    go_to (self, n - 1, n_steps (self, n - 1) - 1);
  else if (g_str_equal (name, "presentation.toggle-scores"))
    {
      g_settings_set_boolean (self->settings, "presentation-scores", !mw_presentation_get_show_scores (self));
      show_slide (self);
    }
  else if (g_str_equal (name, "presentation.toggle-legend"))
    {
      self->legend = !self->legend;
      show_slide (self);
    }
  else if (g_str_equal (name, "presentation.toggle-builds"))
    set_builds (self, !self->builds);
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
  self->wanted_height = height;
  if (self->wanted_height != self->type_height && self->resize_id == 0)
    self->resize_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_type_cb, self, NULL);
  GTK_WIDGET_CLASS (mw_presentation_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
mw_presentation_dispose (GObject *object)
{
  MwPresentation *self = MW_PRESENTATION (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);
  g_clear_pointer (&self->morph, mw_slide_morph_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mw_presentation_parent_class)->dispose (object);
}

static void
mw_presentation_finalize (GObject *object)
{
  MwPresentation *self = MW_PRESENTATION (object);

  g_clear_pointer (&self->slides, g_ptr_array_unref);

  G_OBJECT_CLASS (mw_presentation_parent_class)->finalize (object);
}

/* Every key of presentation mode, in one table (the footer and the help
 * overlay describe it; test-app-keys presses each). */
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
  { GDK_KEY_l, "presentation.toggle-legend" },
  { GDK_KEY_b, "presentation.toggle-builds" },
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
  const char *actions[] = { "next", "previous", "first", "last", "toggle-scores", "toggle-legend",
                            "toggle-builds", "toggle-stage", "leave" };

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
build_footer (MwPresentation *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  g_assert (MW_IS_PRESENTATION (self));

  gtk_widget_set_valign (footer, GTK_ALIGN_END);
  gtk_widget_set_halign (footer, GTK_ALIGN_START);
  gtk_widget_set_can_target (footer, FALSE);
  self->counter_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->counter_label, "numeric");
  gtk_widget_add_css_class (self->counter_label, "dim-label");
  self->hint_label = gtk_label_new (_("Arrow keys or Space to move · S scores · L legend · B builds · "
                                      "D dark or light · Esc to leave"));
  gtk_widget_add_css_class (self->hint_label, "dim-label");
  gtk_box_append (GTK_BOX (footer), self->counter_label);
  gtk_box_append (GTK_BOX (footer), self->hint_label);
  return footer;
}

static void
build_stage (MwPresentation *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_assert (MW_IS_PRESENTATION (self));

  self->drawing = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->drawing, TRUE);
  gtk_widget_set_vexpand (self->drawing, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing), draw_slide_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Network diagram"), -1);

  self->stage = gtk_overlay_new ();
  gtk_widget_add_css_class (self->stage, "presentation");
  gtk_overlay_set_child (GTK_OVERLAY (self->stage), self->drawing);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->stage), build_footer (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_cb), self, 0);
  gtk_widget_add_controller (self->stage, GTK_EVENT_CONTROLLER (click));
  adw_window_set_content (ADW_WINDOW (self), self->stage);
}

static void
add_context_slides (MwPresentation *self)
{
  g_autoptr(GPtrArray) slides = mw_presentation_context_slides (self->builds);

  g_assert (MW_IS_PRESENTATION (self));

  for (guint i = 0; i < slides->len; i++)
    g_ptr_array_add (self->slides, g_object_ref (g_ptr_array_index (slides, i)));
}

static void
mw_presentation_init (MwPresentation *self)
{
  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  self->slides = g_ptr_array_new_with_free_func (g_object_unref);
  self->legend = TRUE;
  self->builds = TRUE;

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
  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (MW_IS_NETWORK (network));

  g_ptr_array_add (self->slides, mw_slide_new (network, title, caption));
  show_slide (self);
}

/* The document's network, then the slides the user kept in its file. */
void
mw_presentation_add_document (MwPresentation *self,
                              MwDocument     *document)
{
  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (MW_IS_DOCUMENT (document));

  mw_presentation_document_slides (self->slides, document);
  show_slide (self);
}

/* A slide of a view the user kept (Add View to Presentation). */
void
mw_presentation_add_view (MwPresentation     *self,
                          MwNetwork          *network,
                          const MwSavedSlide *saved)
{
  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (saved != NULL);

  g_ptr_array_add (self->slides, mw_slide_new_for_view (network, saved));
  show_slide (self);
}

guint
mw_presentation_get_n_slides (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

/* Returns: (transfer none): the slide at @slide */
MwSlide *
mw_presentation_get_slide_at (MwPresentation *self,
                              guint           slide)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (slide < self->slides->len, NULL);
  return g_ptr_array_index (self->slides, slide);
}

guint
mw_presentation_get_slide (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), 0);
  return self->current;
}

/* The current slide's build step: 0 when it has none. */
guint
mw_presentation_get_step (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), 0);
  return self->step;
}

/* Shows @slide from its first build step. */
void
mw_presentation_set_slide (MwPresentation *self,
                           guint           slide)
{
  g_return_if_fail (MW_IS_PRESENTATION (self));
  g_return_if_fail (slide < self->slides->len);

  go_to (self, slide, 0);
}

const char *
mw_presentation_get_slide_title (MwPresentation *self,
                                 guint           slide)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (slide < self->slides->len, NULL);
  return mw_slide_get_title (g_ptr_array_index (self->slides, slide));
}

gboolean
mw_presentation_get_show_scores (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), FALSE);
  return g_settings_get_boolean (self->settings, "presentation-scores");
}

gboolean
mw_presentation_get_show_legend (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), FALSE);
  return self->legend;
}

gboolean
mw_presentation_get_builds (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), FALSE);
  return self->builds;
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

/**
 * mw_presentation_get_change_progress:
 *
 * Returns: how far the change to this slide has come (0…1) while it is
 *   played, else -1
 */
double
mw_presentation_get_change_progress (MwPresentation *self)
{
  g_return_val_if_fail (MW_IS_PRESENTATION (self), -1);
  return self->morph != NULL ? mw_slide_morph_get_progress (self->morph) : -1;
}
