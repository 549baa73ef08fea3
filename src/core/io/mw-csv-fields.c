/* mw-csv-fields.c: Meshwork's CSV fields, and the header names HR systems use for them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include "mw-csv-private.h"

/* ---------------------------------------------------------------------- */
/* Fields and the header names that give them                              */

const char * const _mw_csv_field_names[MW_CSV_N_FIELDS + 1] = {
  "id", "name", "first-name", "last-name", "manager", "title", "unit", "org",
  "location", "email", "kind", "source", "target", "type", "weight", NULL
};

/* Header names seen in HR systems (Workday, BambooHR, Personio, SAP
 * SuccessFactors exports) and survey tools, normalised: lower case, letters
 * and digits only, "#" read as "number". */
static const char * const id_names[] = {
  "id", "employeeid", "employeenumber", "empid", "emplid", "staffid", "staffnumber", "personid",
  "personnumber", "workerid", "userid", "badgeid", "nodeid", "key", "number", "no", "identifier",
  "uid", "personnelnumber", NULL };
static const char * const name_names[] = {
  "name", "fullname", "employeename", "displayname", "preferredname", "person", "label", "worker",
  "workername", "legalname", "employee", "staffname", "personname", "nom", NULL };
static const char * const first_names[] = {
  "firstname", "givenname", "preferredfirstname", "forename", "legalfirstname", NULL };
static const char * const last_names[] = {
  "lastname", "surname", "familyname", "legallastname", NULL };
static const char * const manager_names[] = {
  "manager", "managerid", "managerno", "managernumber", "manageremployeeid", "managerworkerid",
  "reportsto", "reportstoid", "reportingto", "supervisor", "supervisorid", "supervisoremployeeid",
  "linemanager", "linemanagerid", "bossid", "parent", "parentid", "managersemployeeid",
  "managersid", "directmanager", "directmanagerid", "manageremployeenumber", "managername",
  "managerfullname", "supervisorname", "linemanagername", "reportstoname", "managerdisplayname",
  /* HR exports keyed by e-mail: matched against the people's e-mail column */
  "manageremail", "manageremailaddress", "managerworkemail", "supervisoremail",
  "supervisoremailaddress", "linemanageremail", "reportstoemail", "directmanageremail", NULL };
static const char * const title_names[] = {
  "title", "jobtitle", "position", "positiontitle", "role", "jobprofile", "businesstitle", "job",
  "jobname", "designation", NULL };
static const char * const unit_names[] = {
  "unit", "department", "dept", "departmentname", "team", "division", "group", "orgunit",
  "organisationalunit", "organizationalunit", "supervisoryorganization", "section", NULL };
static const char * const org_names[] = {
  "org", "organisation", "organization", "company", "companyname", "employer", "legalentity",
  "firm", "entity", NULL };
static const char * const location_names[] = {
  "location", "office", "site", "worklocation", "officelocation", "city", "workplace",
  "locationname", "country", NULL };
static const char * const email_names[] = {
  "email", "emailaddress", "mail", "workemail", "primaryworkemail", "businessemail",
  "workemailaddress", NULL };
static const char * const kind_names[] = {
  "kind", "actorkind", "actortype", "nodetype", "nodekind", NULL };
static const char * const source_names[] = {
  "source", "sourceid", "from", "fromid", "ego", "respondent", "sender", "tail", "node1",
  "person1", "src", "actor1", "nominator", NULL };
static const char * const target_names[] = {
  "target", "targetid", "to", "toid", "alter", "recipient", "nominee", "head", "node2",
  "person2", "dst", "receiver", "actor2", NULL };
static const char * const type_names[] = {
  "type", "tietype", "relation", "relationship", "kind", "edgetype", "interaction", "tie",
  "linktype", "relationtype", NULL };
static const char * const weight_names[] = {
  "weight", "strength", "value", "frequency", "score", "intensity", "count", "w", NULL };

static const char * const * const field_synonyms[MW_CSV_N_FIELDS] = {
  id_names, name_names, first_names, last_names, manager_names, title_names, unit_names,
  org_names, location_names, email_names, kind_names, source_names, target_names, type_names,
  weight_names,
};

static char *
normalise_header (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (*p == '#')
        g_string_append (key, "number");
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_ties_field (MwCsvField field)
{
  return field >= MW_CSV_FIRST_TIES_FIELD && field <= MW_CSV_LAST_TIES_FIELD;
}

gboolean
_mw_csv_guess_field (const char *header,
                     gboolean    ties,
                     MwCsvField *field)
{
  g_autofree char *key = normalise_header (header);

  if (*key == '\0')
    return FALSE;

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    {
      if (is_ties_field (f) != ties)
        continue;
      if (g_strv_contains (field_synonyms[f], key))
        {
          *field = f;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mw_csv_field_to_string (MwCsvField field)
{
  g_return_val_if_fail (field < MW_CSV_N_FIELDS, NULL);
  return _mw_csv_field_names[field];
}

/* A field's name ("manager", "department", "organisation"…). */
gboolean
mw_csv_field_from_string (const char *str,
                          MwCsvField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (g_ascii_strcasecmp (str, _mw_csv_field_names[f]) == 0)
      {
        *field = f;
        return TRUE;
      }

  return _mw_csv_guess_field (str, FALSE, field) || _mw_csv_guess_field (str, TRUE, field);
}
