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
 * until the text changes, so a cell is shaped once per row it shows. */
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
  pango_layout_set_text (self->layout, self->text, -1);
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (0, (width - logical.width) * self->xalign),
                                                          (height - logical.height) / 2));
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
