//! Bag-of-cells codec.
