/* mw-presentation-morph.c: a presentation playing the change from one slide's network to the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two slides in a row that show one organisation at two moments (kept
 * views of its states, snapshots) are joined by the change between them:
 * for about 600 ms the stage shows render/mw-render-morph.c's frames,
 * seen through a view that goes from the first slide's to the second's,
 * under the second slide's title, card and legend (copied from its still
 * frame, drawn once), then the second slide with its labels too. Slides
 * of other organisations, or of the same network as it was, simply follow.
 * Under the presentation; it knows only the slides and the renderer.
 */

#define G_LOG_DOMAIN "meshwork-presentation"

#include "config.h"

#include <math.h>

#include "mw-presentation-morph.h"
#include "mw-render-morph.h"

struct _MwSlideMorph
{
  MwSlide       *slides[2];
  guint          steps[2];
  MwRenderMorph *morph;
  GtkWidget     *widget;      /* (nullable) borrowed: whose frame clock ticks */
  guint          tick_id;
  gint64         start;
  double         t;           /* -1 once done */
  MwView         views[2];    /* the two slides' views of their networks … */
  double         width;       /* … on a stage this large */
  double         height;
  gboolean       dark;
  gboolean       scores;
  gboolean       legend;
  double         scale;
  cairo_surface_t *still;     /* the second slide's still frame … */
  MwRect         kept[3];     /* … and where its title, card and legend are */
};

/* The same organisation: at least half the actors of the smaller network
 * are in the other (by id, then name), and something changed. */
static gboolean
worth_morphing (MwNetwork *a,
                MwNetwork *b)
{
  g_autoptr(MwMorph) morph = NULL;
  guint smaller = MIN (mw_network_get_n_actors (a), mw_network_get_n_actors (b));

  if (a == b || smaller == 0 || mw_network_equal (a, b, NULL))
    return FALSE;
  morph = mw_morph_new (a, b);
  return mw_morph_get_n_matched (morph) * 2 >= smaller;
}

/**
 * mw_slide_morph_new:
 *
 * Returns: (transfer full) (nullable): the change from @from's network
 *   at @from_step to @to's at @to_step, or %NULL when the two are not one
 *   organisation at two moments
 */
MwSlideMorph *
mw_slide_morph_new (MwSlide *from,
                    guint    from_step,
                    MwSlide *to,
                    guint    to_step)
{
  MwNetwork *a, *b;
  MwSlideMorph *self;

  g_return_val_if_fail (MW_IS_SLIDE (from) && MW_IS_SLIDE (to), NULL);

  a = mw_slide_get_step_network (from, from_step);
  b = mw_slide_get_step_network (to, to_step);
  if (!worth_morphing (a, b))
    return NULL;

  self = g_new0 (MwSlideMorph, 1);
  self->slides[0] = g_object_ref (from);
  self->slides[1] = g_object_ref (to);
  self->steps[0] = from_step;
  self->steps[1] = to_step;
  self->morph = mw_render_morph_new (a, b);
  return self;
}

void
mw_slide_morph_free (MwSlideMorph *self)
{
  if (self == NULL)
    return;
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  g_clear_object (&self->slides[0]);
  g_clear_object (&self->slides[1]);
  g_clear_object (&self->morph);
  g_clear_pointer (&self->still, cairo_surface_destroy);
  g_free (self);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  MwSlideMorph *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->start == 0)
    self->start = now;
  self->t = (double)(now - self->start) / MW_MORPH_USEC;
  gtk_widget_queue_draw (widget);
  if (self->t < 1)
    return G_SOURCE_CONTINUE;
  self->t = -1;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Plays the change on @widget's frame clock; @widget draws its frames. */
void
mw_slide_morph_start (MwSlideMorph *self,
                      GtkWidget    *widget)
{
  g_return_if_fail (self != NULL && self->tick_id == 0);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  self->widget = widget;
  self->start = 0;
  self->t = 0;
  self->tick_id = gtk_widget_add_tick_callback (widget, tick_cb, self, NULL);
  gtk_widget_queue_draw (widget);
}

/* Returns: how far the change has come (0…1), or -1 once it is over */
double
mw_slide_morph_get_progress (MwSlideMorph *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->t;
}

/* The second slide as it will stand, drawn once: its title, card and
 * legend stay on the stage while the network changes under them. */
static void
draw_still (MwSlideMorph         *self,
            const MwSlideLayout  *layout,
            const MwSlideOptions *options)
{
  double scale = options->scale > 0 ? options->scale : 1;
  cairo_t *cr;

  g_clear_pointer (&self->still, cairo_surface_destroy);
  self->still = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (self->width * scale),
                                            (int)ceil (self->height * scale));
  cairo_surface_set_device_scale (self->still, scale, scale);
  cr = cairo_create (self->still);
  mw_slide_draw (self->slides[1], cr, self->steps[1], self->width, self->height, options);
  cairo_destroy (cr);
  self->kept[0] = layout->header;
  self->kept[1] = layout->card;
  self->kept[2] = layout->legend;
}

/* The two slides' views on a stage of this size, laid out once. */
static void
ensure_views (MwSlideMorph         *self,
              double                width,
              double                height,
              const MwSlideOptions *options)
{
  if (width == self->width && height == self->height && !!options->dark == self->dark &&
      !!options->scores == self->scores && !!options->legend == self->legend && options->scale == self->scale)
    return;
  self->width = width;
  self->height = height;
  self->dark = !!options->dark;
  self->scores = !!options->scores;
  self->legend = !!options->legend;
  self->scale = options->scale;
  for (guint i = 0; i < 2; i++)
    {
      MwSlideLayout layout;

      mw_slide_layout (self->slides[i], width, height, options, &layout);
      self->views[i] = layout.view;
      if (i == 1)
        draw_still (self, &layout, options);
      mw_slide_layout_clear (&layout);
    }
}

/* The title, card and legend of the second slide over the frame. */
static void
draw_kept (MwSlideMorph *self,
           cairo_t      *cr)
{
  cairo_save (cr);
  for (guint i = 0; i < G_N_ELEMENTS (self->kept); i++)
    if (self->kept[i].width > 0 && self->kept[i].height > 0)
      cairo_rectangle (cr, self->kept[i].x, self->kept[i].y, self->kept[i].width, self->kept[i].height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->still, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A view @e of the way from the first slide's to the second's: the zoom
 * grows or shrinks evenly and the middle of the view moves straight. */
static void
view_between (MwSlideMorph *self,
              double        e,
              MwView       *view)
{
  const MwView *a = &self->views[0], *b = &self->views[1];
  double ax = a->offset_x + a->width / (2 * a->zoom), ay = a->offset_y + a->height / (2 * a->zoom);
  double bx = b->offset_x + b->width / (2 * b->zoom), by = b->offset_y + b->height / (2 * b->zoom);

  *view = *b;
  view->zoom = a->zoom * pow (b->zoom / a->zoom, e);
  view->offset_x = ax + (bx - ax) * e - view->width / (2 * view->zoom);
  view->offset_y = ay + (by - ay) * e - view->height / (2 * view->zoom);
}

/**
 * mw_slide_morph_draw:
 *
 * Draws the frame of the change for now on a stage of @width × @height,
 * its background included, under the second slide's title and card.
 */
void
mw_slide_morph_draw (MwSlideMorph         *self,
                     cairo_t              *cr,
                     double                width,
                     double                height,
                     const MwSlideOptions *options)
{
  double t;
  MwView view;

  g_return_if_fail (self != NULL && cr != NULL && options != NULL);

  t = self->t < 0 ? 1 : self->t;
  ensure_views (self, width, height, options);
  view_between (self, mw_morph_ease (t), &view);
  view.dark = options->dark;
  view.scale = options->scale > 0 ? options->scale : 1;
  view.transparent = !options->background;
  mw_render_morph_draw (self->morph, cr, &view, t);
  draw_kept (self, cr);
}
