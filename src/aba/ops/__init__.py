"""Operations: backup and restore of the whole database, independent of the database engine."""
