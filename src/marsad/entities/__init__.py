"""Entities: NER (trained by the project), knowledge base, linking across spellings and documents."""
