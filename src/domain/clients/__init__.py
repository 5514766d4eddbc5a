"""The clients context: client records, relationships, program enrollments, custom client fields."""
