/* mw-start-page.c: what a window without a network offers to start from
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-templates.h"
#include "mw-dot.h"
#include "mw-renderer.h"
#include "mw-start-page.h"

#define EXAMPLE_RESOURCE "/io/github/meshwork/Meshwork/examples/meshwork-example.gv"
#define THUMB_WIDTH  208
#define THUMB_HEIGHT 128

struct _MwStartPage
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkFlowBox *flow_box;

  /* owned */
  GPtrArray  *cards;   /* Card* in the order shown */
};

typedef struct
{
  char            *id;
  GtkFlowBoxChild *child;    /* borrowed: the flow box holds it */
  GtkPicture      *picture;  /* borrowed, (nullable) for the blank card */
  MwNetwork       *network;  /* (nullable) what the thumbnail shows */
} Card;

G_DEFINE_FINAL_TYPE (MwStartPage, mw_start_page, ADW_TYPE_BIN)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
card_free (Card *card)
{
  g_free (card->id);
  g_clear_object (&card->network);
  g_free (card);
}

/* One short line per context: the core's captions are paragraphs. */
static const char *
context_summary (const char *name)
{
  if (g_str_equal (name, "pyramid"))
    return _("Every line runs up the chain of command");
  if (g_str_equal (name, "hierarchy"))
    return _("Formal lines, with teams and influence across them");
  if (g_str_equal (name, "flat"))
    return _("Few levels and self-managing teams");
  if (g_str_equal (name, "nimble"))
    return _("A core and a periphery around a shared purpose");
  return _("Several organisations joined across their boundaries");
}

/* The thumbnail is a still image: drawn once per style, not per frame. */
static GdkTexture *
draw_thumbnail (MwNetwork *network,
                gboolean   dark)
{
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  gsize stride;
  cairo_t *cr;
  MwRect bounds;
  MwView view;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, THUMB_WIDTH, THUMB_HEIGHT);
  cr = cairo_create (surface);
  mw_view_init (&view, THUMB_WIDTH, THUMB_HEIGHT);
  view.dark = dark;
  view.labels = MW_LABELS_NEVER;
  if (mw_renderer_get_bounds (renderer, &bounds))
    mw_view_fit (&view, &bounds, 10);
  mw_renderer_draw (renderer, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = (gsize) cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), stride * THUMB_HEIGHT);
  cairo_surface_destroy (surface);
  return gdk_memory_texture_new (THUMB_WIDTH, THUMB_HEIGHT, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
update_thumbnails (MwStartPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_assert (MW_IS_START_PAGE (self));

  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      g_autoptr(GdkTexture) texture = NULL;

      if (card->network == NULL)
        continue;
      texture = draw_thumbnail (card->network, dark);
      gtk_picture_set_paintable (card->picture, GDK_PAINTABLE (texture));
    }
}

static GtkWidget *
new_thumbnail_frame (Card *card)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_size_request (frame, THUMB_WIDTH, THUMB_HEIGHT);
  gtk_widget_add_css_class (frame, "start-thumbnail");
  if (card->network != NULL)
    {
      card->picture = GTK_PICTURE (gtk_picture_new ());
      gtk_picture_set_can_shrink (card->picture, TRUE);
      gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (card->picture));
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_frame_set_child (GTK_FRAME (frame), icon);
    }
  return frame;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Takes @network (nullable). */
static void
add_card (MwStartPage *self,
          const char  *id,
          const char  *title,
          const char  *description,
          const char  *tooltip,
          MwNetwork   *network)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_assert (MW_IS_START_PAGE (self));

  card->id = g_strdup (id);
  card->network = network;
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_thumbnail_frame (card));
  gtk_box_append (GTK_BOX (box), new_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (description, "dim-label"));

  card->child = GTK_FLOW_BOX_CHILD (gtk_flow_box_child_new ());
  gtk_flow_box_child_set_child (card->child, box);
  gtk_widget_add_css_class (GTK_WIDGET (card->child), "card");
  gtk_widget_add_css_class (GTK_WIDGET (card->child), "start-card");
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->child), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_flow_box_append (self->flow_box, GTK_WIDGET (card->child));
  g_ptr_array_add (self->cards, card);
}

static MwNetwork *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network;
  gsize length = 0;
  const char *text;

  g_assert (bytes != NULL);
  text = g_bytes_get_data (bytes, &length);
  network = mw_dot_load_data (text, length, "meshwork-example.gv", NULL, &error);
  g_assert_no_error (error);
  return network;
}

static void
add_cards (MwStartPage *self)
{
  guint n_contexts = 0;
  const MwTemplate *contexts = mw_templates_get_all (&n_contexts);

  add_card (self, MW_START_EXAMPLE, _("Built-in Example"),
            _("Northwind Health, a network to explore"), NULL, load_example ());
  add_card (self, MW_START_BLANK, _("Blank Network"),
            _("An empty canvas to draw on"), NULL, NULL);
  for (guint i = 0; i < n_contexts; i++)
    {
      g_autoptr(GError) error = NULL;
      MwNetwork *network = mw_template_build (contexts[i].name, MW_TEMPLATE_DEFAULT_SIZE,
                                             MW_START_SEED, &error);

      g_assert_no_error (error);
      add_card (self, contexts[i].name, _(contexts[i].title),
                context_summary (contexts[i].name), _(contexts[i].caption), network);
    }
}

static void
child_activated_cb (MwStartPage     *self,
                    GtkFlowBoxChild *child)
{
  g_assert (MW_IS_START_PAGE (self));

  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      if (card->child == child)
        {
          g_signal_emit (self, signals[CHOSEN], 0, card->id);
          return;
        }
    }
}

static void
mw_start_page_dispose (GObject *object)
{
  MwStartPage *self = (MwStartPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_START_PAGE);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (mw_start_page_parent_class)->dispose (object);
}

static void
mw_start_page_class_init (MwStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_start_page_dispose;

  /**
   * MwStartPage::chosen:
   * @id: "example", "blank" or a context name
   *
   * A card was activated.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meshwork/Meshwork/mw-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MwStartPage, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
}

static void
mw_start_page_init (MwStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify)card_free);

  add_cards (self);
  update_thumbnails (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_thumbnails), self, G_CONNECT_SWAPPED);
}

GtkWidget *
mw_start_page_new (void)
{
  return g_object_new (MW_TYPE_START_PAGE, NULL);
}

/**
 * mw_start_page_get_card:
 * @id: "example", "blank" or a context name
 *
 * Returns: (transfer none) (nullable): the card for @id
 */
GtkFlowBoxChild *
mw_start_page_get_card (MwStartPage *self,
                        const char  *id)
{
  g_return_val_if_fail (MW_IS_START_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      if (g_str_equal (card->id, id))
        return card->child;
    }
  return NULL;
}

/* The example comes first: it is what a newcomer should try. */
void
mw_start_page_focus_first (MwStartPage *self)
{
  g_return_if_fail (MW_IS_START_PAGE (self));

  if (self->cards->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((Card *) g_ptr_array_index (self->cards, 0))->child));
}
