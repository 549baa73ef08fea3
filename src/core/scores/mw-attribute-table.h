/* mw-attribute-table.h: a network as a table — which columns exist, each cell as text, sort keys, edits
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-actor-measures.h"
#include "mw-history.h"
#include "mw-network.h"

G_BEGIN_DECLS

typedef enum
{
  MW_TABLE_ACTORS,
  MW_TABLE_TIES,
} MwTableKind;

/* How a cell reads: as text, as a number or as true/false. */
typedef enum
{
  MW_CELL_TEXT,
  MW_CELL_NUMBER,
  MW_CELL_BOOL,
} MwCellKind;

typedef enum
{
  MW_COLUMN_FIELD,      /* one of Meshwork's fields: id, label, kind, org… */
  MW_COLUMN_ATTRIBUTE,  /* the file's own attribute of that name */
  MW_COLUMN_MEASURE,    /* a per-actor measure of scores/mw-actor-measures.h */
} MwColumnSource;

typedef struct
{
  char           *name;      /* stable, as `meshwork-cli table` prints it: "label", "betweenness" */
  char           *title;     /* untranslated title for people (translate with _()); the name for attributes */
  MwColumnSource  source;
  MwCellKind      kind;
  guint           id;        /* which field or measure */
  gboolean        editable;
} MwTableColumn;

/* Room for a number's text: mw_attribute_table_peek_text()'s buffer. */
#define MW_TABLE_TEXT_SIZE G_ASCII_DTOSTR_BUF_SIZE

typedef struct _MwAttributeTable MwAttributeTable;
typedef struct _MwTableSortKeys  MwTableSortKeys;

MwAttributeTable    *mw_attribute_table_new          (MwNetwork         *network,
                                                      MwTableKind        kind);
void                 mw_attribute_table_free         (MwAttributeTable  *self);
MwTableKind          mw_attribute_table_get_kind     (MwAttributeTable  *self);
MwNetwork           *mw_attribute_table_get_network  (MwAttributeTable  *self);
guint                mw_attribute_table_get_n_columns (MwAttributeTable *self);
const MwTableColumn *mw_attribute_table_get_column   (MwAttributeTable  *self,
                                                      guint              column);
int                  mw_attribute_table_find_column  (MwAttributeTable  *self,
                                                      const char        *name);
gboolean             mw_attribute_table_same_columns (MwAttributeTable  *self,
                                                      MwAttributeTable  *other);
guint                mw_attribute_table_get_n_rows   (MwAttributeTable  *self);

const char          *mw_attribute_table_peek_text    (MwAttributeTable  *self,
                                                      guint              column,
                                                      guint              row,
                                                      MwActorMeasures   *measures,
                                                      char               buffer[MW_TABLE_TEXT_SIZE]);
GPtrArray           *mw_attribute_table_dup_column   (MwAttributeTable  *self,
                                                      guint              column,
                                                      MwActorMeasures   *measures);
void                 mw_attribute_table_dup_rows     (MwAttributeTable  *self,
                                                      guint              column,
                                                      MwActorMeasures   *measures,
                                                      guint              first,
                                                      guint              n,
                                                      GPtrArray         *texts);
char                *mw_attribute_table_get_text     (MwAttributeTable  *self,
                                                      guint              column,
                                                      guint              row,
                                                      MwActorMeasures   *measures);
gboolean             mw_attribute_table_row_matches  (MwAttributeTable  *self,
                                                      guint              row,
                                                      const char        *folded_needle);

MwTableSortKeys     *mw_table_sort_keys_new          (MwAttributeTable  *self,
                                                      guint              column,
                                                      MwActorMeasures   *measures);
MwTableSortKeys     *mw_table_sort_keys_new_for_texts (MwCellKind       kind,
                                                      GPtrArray         *texts);
void                 mw_table_sort_keys_update       (MwTableSortKeys   *keys,
                                                      guint              row,
                                                      const char        *text);
guint               *mw_table_sort_keys_order        (MwTableSortKeys   *keys,
                                                      gboolean           descending);
guint                mw_table_sort_keys_find_place   (MwTableSortKeys   *keys,
                                                      const guint       *order,
                                                      guint              n,
                                                      guint              row,
                                                      gboolean           descending);
void                 mw_table_sort_keys_free         (MwTableSortKeys   *keys);
int                  mw_table_sort_keys_compare      (MwTableSortKeys   *keys,
                                                      guint              a,
                                                      guint              b);

gboolean             mw_attribute_table_set_cells    (MwAttributeTable  *self,
                                                      MwHistory         *history,
                                                      guint              column,
                                                      GArray            *rows,
                                                      const char        *text,
                                                      GError           **error);
gboolean             mw_attribute_table_add_column   (MwAttributeTable  *self,
                                                      MwHistory         *history,
                                                      const char        *name,
                                                      const char        *value,
                                                      GError           **error);
gboolean             mw_attribute_table_rename_column (MwAttributeTable *self,
                                                      MwHistory         *history,
                                                      const char        *name,
                                                      const char        *new_name,
                                                      GError           **error);
gboolean             mw_attribute_table_remove_column (MwAttributeTable *self,
                                                      MwHistory         *history,
                                                      const char        *name,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwAttributeTable, mw_attribute_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwTableSortKeys, mw_table_sort_keys_free)

G_END_DECLS
