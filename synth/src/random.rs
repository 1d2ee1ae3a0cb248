//! Pseudo-random numbers: xoshiro256** seeded through SplitMix64, Walker's alias method for
//! discrete distributions, and the heavy-tailed occurrence counts of repeated statements.
//!
//! Only correctly rounded floating-point operations (`+ - * / sqrt`) are used, so that the
//! output is the same on every platform.

pub(super) struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut splitmix = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [splitmix(), splitmix(), splitmix(), splitmix()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (n > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub(super) fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    pub(super) fn shuffle<X>(&mut self, items: &mut [X]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Constant-time sampling of a discrete distribution (Walker's alias method).
pub(super) struct Alias {
    /// Chance, scaled to `2^32`, of keeping slot `i` rather than taking its alias.
    keep: Vec<u32>,
    alias: Vec<u32>,
}

impl Alias {
    fn new(weights: &[f64]) -> Self {
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![u32::MAX; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            keep[s] = (scaled[s] * 4_294_967_296.0).min(u32::MAX as f64) as u32;
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        Alias { keep, alias }
    }

    /// Zipf–Mandelbrot weights `1 / (rank + q)` over `len` ranks.
    pub(super) fn zipf(len: usize, q: f64) -> Self {
        let weights: Vec<f64> = (0..len).map(|r| 1.0 / (r as f64 + q)).collect();
        Alias::new(&weights)
    }

    pub(super) fn sample(&self, rng: &mut Rng) -> usize {
        let r = rng.next_u64();
        let i = (((r >> 32) * self.keep.len() as u64) >> 32) as usize;
        if (r as u32) < self.keep[i] {
            i
        } else {
            self.alias[i] as usize
        }
    }
}

/// Occurrence counts of repeated statements: `2 + floor(Y)`, capped, with `Y` Lomax (Pareto
/// II) distributed with shape 2 (`P(Y >= y) = (1 + y/λ)^-2`), its scale λ fitted so that the
/// capped mean is the wanted one.
///
/// Only correctly rounded operations (`+ - * / sqrt`) are used here and in [`Alias`], so the
/// output is the same on every platform.
pub(super) struct CountSampler {
    lambda: f64,
    cap: usize,
}

impl CountSampler {
    pub(super) fn new(mean: f64, cap: usize) -> Self {
        let expected = |lambda: f64| {
            2.0 + (1..cap.saturating_sub(1))
                .map(|j| {
                    let x = 1.0 + j as f64 / lambda;
                    1.0 / (x * x)
                })
                .sum::<f64>()
        };
        if cap <= 2 || mean >= cap as f64 {
            return CountSampler {
                lambda: if cap <= 2 { 0.0 } else { f64::INFINITY },
                cap,
            };
        }
        let (mut lo, mut hi) = (0.0, 1e9);
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            if expected(mid) < mean {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        CountSampler {
            lambda: 0.5 * (lo + hi),
            cap,
        }
    }

    pub(super) fn sample(&self, rng: &mut Rng) -> usize {
        let u = 1.0 - rng.f64();
        let y = self.lambda * (1.0 / u.sqrt() - 1.0);
        if y.is_nan() || y >= self.cap as f64 {
            return self.cap;
        }
        (2 + y as usize).min(self.cap)
    }
}
