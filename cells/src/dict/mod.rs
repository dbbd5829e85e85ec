//! Dictionaries (HashmapE) with the reference cell layout.
