"""Plain data: documents, spans, relations, the label schema, and edits that know their inverse."""
