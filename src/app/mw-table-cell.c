/* mw-table-cell.c: one cell of the data table — a line of text drawn with a shared layout
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include <string.h>

#include "mw-table-cell.h"

/* A page of the table at 100,000 rows replaces some hundreds of cells a
 * frame. A GtkInscription in a GtkBox cost two widgets, two CSS nodes and
 * a PangoLayout each; this cell is one widget with a fixed height and no
 * width of its own (the column's fixed width decides), and draws its text
 * with the one layout the view lends every cell. GTK keeps the drawing
 * until the text changes, and a text already drawn in another cell is not
 * shaped again (see find_drawn()). */
struct _MwTableCell
{
  GtkWidget    parent_instance;

  PangoLayout *layout;   /* shared with every cell of the view */
  GtkWidget   *editor;   /* (nullable) an entry over the text while editing */
  char        *text;     /* never NULL */
  gsize        room;     /* bytes allocated for text */
  float        xalign;
  int          height;
};

G_DEFINE_FINAL_TYPE (MwTableCell, mw_table_cell, GTK_TYPE_WIDGET)

/* Texts drawn, kept with the layout the cells share: a column of few
 * values (a kind, a sector, a degree) is shaped once, not in each cell it
 * comes to — a page a frame shows some 300 new cells, two thirds of them
 * such values, and shaping was a seventh of the frame. A text is kept
 * when seen a second time, so that a column of names costs nothing more
 * than before. Keyed by the text, the width (it may be ellipsised), the
 * colour and the font (the pango context's serial). */
#define MAX_DRAWN  512
#define N_SEEN     1024

typedef struct
{
  guint          serial;
  int            width;
  guint32        color;
  const char    *text;     /* the Drawn's own copy, or the cell's when looking up */
} Key;

typedef struct
{
  Key            key;
  GskRenderNode *node;     /* (nullable) the text at 0, 0 */
  int            width;    /* of the logical extents */
  int            height;
} Drawn;

typedef struct
{
  GHashTable    *drawn;    /* Key* → Drawn* */
  guint          seen[N_SEEN];  /* the hash of a key seen once, by hash */
} DrawnTexts;

static GQuark drawn_quark;

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return g_str_hash (key->text) ^ (key->serial * 2654435761u) ^ ((guint) key->width * 40503u) ^ key->color;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->serial == y->serial && x->width == y->width && x->color == y->color && strcmp (x->text, y->text) == 0;
}

static void
drawn_free (Drawn *drawn)
{
  g_clear_pointer (&drawn->node, gsk_render_node_unref);
  g_free ((char *) drawn->key.text);
  g_free (drawn);
}

static void
drawn_texts_free (DrawnTexts *texts)
{
  g_hash_table_unref (texts->drawn);
  g_free (texts);
}

static DrawnTexts *
drawn_texts (PangoLayout *layout)
{
  DrawnTexts *texts = g_object_get_qdata (G_OBJECT (layout), drawn_quark);

  if (texts == NULL)
    {
      texts = g_new0 (DrawnTexts, 1);
      texts->drawn = g_hash_table_new_full (key_hash, key_equal, NULL, (GDestroyNotify) drawn_free);
      g_object_set_qdata_full (G_OBJECT (layout), drawn_quark, texts, (GDestroyNotify) drawn_texts_free);
    }
  return texts;
}

static guint32
pack_color (const GdkRGBA *color)
{
  float channels[] = { color->red, color->green, color->blue, color->alpha };
  guint32 packed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    packed = packed << 8 | (guint32) (CLAMP (channels[i], 0.0f, 1.0f) * 255.0f + 0.5f);
  return packed;
}

/* Lays @text out at @width in the layout, and returns its logical extents. */
static PangoRectangle
lay_out (PangoLayout *layout,
         const char  *text,
         int          width)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical;
}

/* Returns: (transfer full): @key's text laid out at its width, drawn in @color */
static Drawn *
draw_text (PangoLayout   *layout,
           const Key     *key,
           const GdkRGBA *color)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  Drawn *drawn = g_new0 (Drawn, 1);
  PangoRectangle logical = lay_out (layout, key->text, key->width);

  gtk_snapshot_append_layout (snapshot, layout, color);
  drawn->key = *key;
  drawn->key.text = g_strdup (key->text);
  drawn->node = gtk_snapshot_to_node (snapshot);
  drawn->width = logical.width;
  drawn->height = logical.height;
  return drawn;
}

/* Returns: (transfer none) (nullable): @text drawn, from the texts kept
 * or kept now; %NULL the first time it is seen */
static const Drawn *
find_drawn (PangoLayout   *layout,
            const char    *text,
            int            width,
            const GdkRGBA *color)
{
  DrawnTexts *texts = drawn_texts (layout);
  Key key = { pango_context_get_serial (pango_layout_get_context (layout)), width, pack_color (color), text };
  guint hash = key_hash (&key);
  Drawn *drawn = g_hash_table_lookup (texts->drawn, &key);

  if (drawn != NULL)
    return drawn;
  if (texts->seen[hash % N_SEEN] != hash)
    {
      texts->seen[hash % N_SEEN] = hash;
      return NULL;
    }
  /* a column of many values keeps adding: start again rather than grow */
  if (g_hash_table_size (texts->drawn) >= MAX_DRAWN)
    g_hash_table_remove_all (texts->drawn);
  drawn = draw_text (layout, &key, color);
  g_hash_table_add (texts->drawn, drawn);
  return drawn;
}

static void
mw_table_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MwTableCell *self = MW_TABLE_CELL (widget);
  int child_min = 0, child_nat = 0;

  if (self->editor != NULL)
    gtk_widget_measure (self->editor, orientation, for_size, &child_min, &child_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MAX (self->height, child_min);
      *natural = MAX (self->height, child_nat);
    }
  else
    {
      *minimum = child_min;
      *natural = child_nat;
    }
}

static void
mw_table_cell_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  MwTableCell *self = MW_TABLE_CELL (widget);

  if (self->editor != NULL)
    gtk_widget_allocate (self->editor, width, height, baseline, NULL);
}

static void
mw_table_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MwTableCell *self = MW_TABLE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const Drawn *drawn;
  PangoRectangle logical;
  GdkRGBA color;

  if (self->editor != NULL)
    {
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
      return;
    }
  if (*self->text == '\0' || width <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  drawn = find_drawn (self->layout, self->text, width, &color);
  if (drawn != NULL && drawn->node == NULL)
    return;
  if (drawn != NULL)
    logical = (PangoRectangle) { 0, 0, drawn->width, drawn->height };
  else
    logical = lay_out (self->layout, self->text, width);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (0, (width - logical.width) * self->xalign),
                                                          (height - logical.height) / 2));
  if (drawn != NULL)
    gtk_snapshot_append_node (snapshot, drawn->node);
  else
    gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
mw_table_cell_dispose (GObject *object)
{
  MwTableCell *self = MW_TABLE_CELL (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (mw_table_cell_parent_class)->dispose (object);
}

static void
mw_table_cell_finalize (GObject *object)
{
  MwTableCell *self = MW_TABLE_CELL (object);

  g_free (self->text);

  G_OBJECT_CLASS (mw_table_cell_parent_class)->finalize (object);
}

static void
mw_table_cell_class_init (MwTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_table_cell_dispose;
  object_class->finalize = mw_table_cell_finalize;
  widget_class->measure = mw_table_cell_measure;
  widget_class->size_allocate = mw_table_cell_size_allocate;
  widget_class->snapshot = mw_table_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "mwtablecell");
  drawn_quark = g_quark_from_static_string ("mw-table-cell-drawn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
mw_table_cell_init (MwTableCell *self)
{
  self->room = 32;
  self->text = g_malloc0 (self->room);
}

/**
 * mw_table_cell_new:
 * @layout: the layout every cell of the view draws with (set to ellipsise)
 * @xalign: 0 for text, 1 for numbers
 * @height: the height of a line of the view's font
 *
 * Returns: (transfer floating): a cell showing no text
 */
GtkWidget *
mw_table_cell_new (PangoLayout *layout,
                   float        xalign,
                   int          height)
{
  MwTableCell *self;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  self = g_object_new (MW_TYPE_TABLE_CELL, NULL);
  self->layout = g_object_ref (layout);
  self->xalign = xalign;
  self->height = height;
  return GTK_WIDGET (self);
}

/* Shows @text (one line; %NULL shows nothing), drawn again only when it changed. */
void
mw_table_cell_set_text (MwTableCell *self,
                        const char  *text)
{
  gsize length;

  g_return_if_fail (MW_IS_TABLE_CELL (self));

  if (text == NULL)
    text = "";
  if (strcmp (self->text, text) == 0)
    return;
  length = strlen (text) + 1;
  /* the cell keeps its buffer from row to row: no allocation per bind */
  if (length > self->room)
    {
      self->room = MAX (length, self->room * 2);
      self->text = g_realloc (self->text, self->room);
    }
  memcpy (self->text, text, length);
  /* a screen reader reads the cell as the user sees it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: the text shown, "" for none */
const char *
mw_table_cell_get_text (MwTableCell *self)
{
  g_return_val_if_fail (MW_IS_TABLE_CELL (self), NULL);
  return self->text;
}

/**
 * mw_table_cell_set_editor:
 * @editor: (nullable) (transfer none): a widget shown over the text, or
 *   %NULL to show the text again
 */
void
mw_table_cell_set_editor (MwTableCell *self,
                          GtkWidget   *editor)
{
  g_return_if_fail (MW_IS_TABLE_CELL (self));
  g_return_if_fail (editor == NULL || gtk_widget_get_parent (editor) == NULL);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  if (editor != NULL)
    {
      self->editor = editor;
      gtk_widget_set_parent (editor, GTK_WIDGET (self));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the editor shown over the text */
GtkWidget *
mw_table_cell_get_editor (MwTableCell *self)
{
  g_return_val_if_fail (MW_IS_TABLE_CELL (self), NULL);
  return self->editor;
}
