"""vnkb: a knowledge base from Vietnamese party and state documents."""
