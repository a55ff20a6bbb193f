namespace MlopsCi.S3.Internal;

/// <summary>A small object as read: content, unquoted ETag, and the ETag it replaced when written by a conditional write.</summary>
internal sealed record StoredObject(byte[] Content, string Tag, string? PreviousTag);
