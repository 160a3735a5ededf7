# Reference outputs of R's eaf package for test/optimize/indicators/attainment.test.ts.
# Run: Rscript test/generate/eaf-reference.R > test/generate/eaf-reference.json
# Inputs are built here from a fixed linear congruential generator (no R RNG, so any R version gives the same
# inputs); each case records its inputs, the eaf package version and R's outputs: attainment surfaces (eafs) at
# all levels, the Vorob'ev threshold, expectation and deviation (vorobT, vorobDev) and the 2-D EAF difference
# rectangles (eafdiff(rectangles = TRUE)). The `compare` cases are two sides of fronts as `odc compare a… --vs b…`
# reads them: eafdiff of side A against side B on each pair of objectives (the fronts projected on the pair), and,
# from R's rectangles, the share of the comparison's box (the union's ideal to ideal + 1.1 · (nadir − ideal) per
# objective) where each side attains with the higher probability and the largest difference each way.
suppressPackageStartupMessages({ library(eaf); library(jsonlite) })
lcg_state <- 12345
lcg <- function() { lcg_state <<- (1103515245 * lcg_state + 12345) %% 2147483648; lcg_state / 2147483648 }
# one front of `k` points on a noisy simplex-like surface, rounded to 2 decimals (ties across sets happen)
front <- function(k, m, shift) {
  t(sapply(1:k, function(i) {
    w <- sapply(1:m, function(j) lcg()); w <- w / sum(w)
    round(10 * (w + shift + 0.3 * lcg()), 2)
  }))
}
sets_of <- function(nsets, k, m) {
  do.call(rbind, lapply(1:nsets, function(s) cbind(front(k, m, 0.05 * s), s)))
}
case <- function(name, x, reference) {
  m <- ncol(x) - 1
  surf <- eafs(x[, 1:m], x[, m + 1])
  vt <- vorobT(x, reference = reference)
  vd <- vorobDev(x, VE = vt$VE, reference = reference)
  out <- list(name = name, objectives = m, reference = reference,
              points = unname(x[, 1:m]), sets = as.integer(x[, m + 1]),
              surfaces = unname(surf),
              vorobev = list(threshold = vt$threshold, expectation = unname(as.matrix(vt$VE)),
                             avgHypervolume = vt$avg_hyp, deviation = vd))
  if (m == 2) {
    half <- max(x[, 3]) %/% 2
    a <- x[x[, 3] <= half, ]; b <- x[x[, 3] > half, ]; b[, 3] <- b[, 3] - half
    d <- eafdiff(a, b, rectangles = TRUE)
    out$difference <- list(groupA = 1:half, intervals = half, rectangles = unname(d))
  }
  out
}
cases <- list(
  case("2d-4sets", sets_of(4, 6, 2), c(12, 12)),
  case("2d-8sets", sets_of(8, 9, 2), c(12, 12)),
  case("3d-3sets", sets_of(3, 8, 3), c(10, 10, 10)),
  case("3d-5sets", sets_of(5, 12, 3), c(10, 10, 10))
)
# side A's sets shifted by 0.05 per set, side B's by `offset` more and tilted: the sides cross, each ahead somewhere
sides_of <- function(n, k, m, offset) {
  a <- sets_of(n, k, m)
  b <- do.call(rbind, lapply(1:n, function(s) {
    f <- front(k, m, 0.05 * s + offset)
    f[, 1] <- round(f[, 1] - 2 * offset * 10, 2)
    cbind(f, s)
  }))
  list(a = a, b = b)
}
compare_case <- function(name, n, k, m, offset) {
  s <- sides_of(n, k, m, offset)
  all <- rbind(s$a[, 1:m], s$b[, 1:m])
  ideal <- apply(all, 2, min); nadir <- apply(all, 2, max)
  reference <- ideal + 1.1 * (nadir - ideal)
  pairs <- list()
  for (i in 1:(m - 1)) for (j in (i + 1):m) {
    d <- eafdiff(s$a[, c(i, j, m + 1)], s$b[, c(i, j, m + 1)], rectangles = TRUE)
    area <- pmax(0, pmin(d[, 3], reference[i]) - pmax(d[, 1], ideal[i])) *
            pmax(0, pmin(d[, 4], reference[j]) - pmax(d[, 2], ideal[j]))
    box <- (reference[i] - ideal[i]) * (reference[j] - ideal[j])
    pairs[[length(pairs) + 1]] <- list(
      objectives = c(i, j), rectangles = unname(d),
      aShare = sum(area[d[, 5] > 0]) / box, bShare = sum(area[d[, 5] < 0]) / box,
      aMax = max(0, d[, 5]) / n, bMax = max(0, -d[, 5]) / n)
  }
  list(name = name, objectives = m, perSide = n,
       a = list(points = unname(s$a[, 1:m]), sets = as.integer(s$a[, m + 1])),
       b = list(points = unname(s$b[, 1:m]), sets = as.integer(s$b[, m + 1])),
       ideal = ideal, reference = reference, pairs = pairs)
}
compare <- list(
  compare_case("2d-3vs3", 3, 7, 2, 0.08),
  compare_case("2d-5vs5", 5, 10, 2, 0.04),
  compare_case("3d-4vs4", 4, 9, 3, 0.06)
)
cat(toJSON(list(generator = "test/generate/eaf-reference.R", package = "eaf",
                version = as.character(packageVersion("eaf")), r = R.version.string, cases = cases,
                compare = compare),
           digits = NA, auto_unbox = TRUE, pretty = FALSE), "\n")
