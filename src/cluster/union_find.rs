//! Disjoint sets, for joining phrases into statements (and statements into translations).

/// An id that disjoint sets can be kept of: a number from 0 up.
pub(super) trait Id: Copy + Eq {
    fn new(index: usize) -> Self;
    fn index(self) -> usize;
}

/// A statement's number among those the clustering has formed so far.
impl Id for usize {
    fn new(index: usize) -> Self {
        index
    }

    fn index(self) -> usize {
        self
    }
}

/// Disjoint sets with path halving and union by size.
pub(super) struct UnionFind<I> {
    parent: Vec<I>,
    size: Vec<u32>,
}

impl<I: Id> UnionFind<I> {
    pub(super) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).map(I::new).collect(),
            size: vec![1; n],
        }
    }

    pub(super) fn find(&mut self, mut x: I) -> I {
        while self.parent[x.index()] != x {
            let up = self.parent[self.parent[x.index()].index()];
            self.parent[x.index()] = up;
            x = up;
        }
        x
    }

    pub(super) fn union(&mut self, a: I, b: I) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a.index()] < self.size[b.index()] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b.index()] = a;
        self.size[a.index()] += self.size[b.index()];
    }
}
