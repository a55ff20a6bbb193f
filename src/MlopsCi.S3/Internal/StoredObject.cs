namespace MlopsCi.S3.Internal;

/// <summary>A small object as read: content, unquoted ETag and the lineage a conditional write recorded in its metadata.</summary>
internal sealed record StoredObject(byte[] Content, string Tag, WriteLineage Lineage);
