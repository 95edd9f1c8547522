/* ts-store-error.h: the error domain of the store layer
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TS_STORE_ERROR:
 *
 * The error domain of CSV import and export and of the trade journal.
 */
#define TS_STORE_ERROR (ts_store_error_quark ())

/**
 * TsStoreError:
 * @TS_STORE_ERROR_BAD_ROW: a row could not be parsed (the message names
 *   its line number)
 * @TS_STORE_ERROR_NO_ROWS: the file holds no usable row
 * @TS_STORE_ERROR_PARSE: the CSV itself is malformed (libcsv failed)
 * @TS_STORE_ERROR_WRITE: the output could not be produced
 *
 * Error codes of %TS_STORE_ERROR. I/O failures are reported in
 * %G_FILE_ERROR or %G_IO_ERROR instead.
 */
typedef enum
{
  TS_STORE_ERROR_BAD_ROW,
  TS_STORE_ERROR_NO_ROWS,
  TS_STORE_ERROR_PARSE,
  TS_STORE_ERROR_WRITE,
} TsStoreError;

GQuark ts_store_error_quark (void);

G_END_DECLS
