/* ts-recorder.c: record raw feed messages to a gzip file, one per line
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-feed-error.h"
#include "ts-recorder.h"

#define BUFFER_SIZE (64 * 1024)

struct _TsRecorder
{
  char          *path;
  GOutputStream *file;    /* GFileOutputStream */
  GOutputStream *gzip;    /* GConverterOutputStream */
  GOutputStream *out;     /* GBufferedOutputStream, what we write to */
  GError        *error;   /* the first write error */
  guint64        n_messages;
  gboolean       closed;
};

static void
take_error (TsRecorder *self,
            GError     *error)
{
  if (self->error == NULL)
    {
      self->error = g_error_new (TS_FEED_ERROR, TS_FEED_ERROR_IO,
                                 "cannot write recording %s: %s", self->path, error->message);
    }
  g_error_free (error);
}

TsRecorder *
ts_recorder_new (const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GError) local_error = NULL;
  TsRecorder *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO,
                   "cannot create recording %s: %s", path, local_error->message);
      return NULL;
    }

  self = g_new0 (TsRecorder, 1);
  self->path = g_strdup (path);
  self->file = G_OUTPUT_STREAM (g_steal_pointer (&stream));
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  self->gzip = g_converter_output_stream_new (self->file, G_CONVERTER (compressor));
  self->out = g_buffered_output_stream_new_sized (self->gzip, BUFFER_SIZE);
  return self;
}

static gboolean
write_all (TsRecorder *self,
           const void *data,
           gsize       length)
{
  GError *error = NULL;

  if (length == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->out, data, length, NULL, NULL, &error))
    {
      take_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_recorder_write (TsRecorder *self,
                   gint64      receive_time_ns,
                   const char *data,
                   gssize      length)
{
  char prefix[32];
  int n;
  const char *p, *end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->closed || self->error != NULL)
    return FALSE;
  if (length < 0)
    length = (gssize) strlen (data);

  n = g_snprintf (prefix, sizeof prefix, "%" G_GINT64_FORMAT " ", receive_time_ns);
  if (!write_all (self, prefix, (gsize) n))
    return FALSE;

  /* one line per message: a newline inside (JSON whitespace) becomes a space */
  p = data;
  end = data + length;
  while (p < end)
    {
      const char *nl = p;

      while (nl < end && *nl != '\n' && *nl != '\r')
        nl++;
      if (!write_all (self, p, (gsize) (nl - p)))
        return FALSE;
      if (nl < end && !write_all (self, " ", 1))
        return FALSE;
      p = nl + 1;
    }
  if (!write_all (self, "\n", 1))
    return FALSE;
  self->n_messages++;
  return TRUE;
}

gboolean
ts_recorder_flush (TsRecorder  *self,
                   GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == NULL && !self->closed
      && !g_output_stream_flush (self->out, NULL, &local_error))
    take_error (self, local_error);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_recorder_close (TsRecorder  *self,
                   GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->closed)
    {
      self->closed = TRUE;
      /* closing the buffered stream closes the converter (gzip trailer) and the file */
      if (!g_output_stream_close (self->out, NULL, &local_error))
        take_error (self, local_error);
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

void
ts_recorder_free (TsRecorder *self)
{
  if (self == NULL)
    return;
  ts_recorder_close (self, NULL);
  g_clear_object (&self->out);
  g_clear_object (&self->gzip);
  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self);
}

guint64
ts_recorder_get_n_messages (const TsRecorder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_messages;
}

const char *
ts_recorder_get_path (const TsRecorder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}
