package dev.prunus.prune.method;

import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.TopK;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-weight scores into masks that keep the highest scores, among weights still kept (masks only
 * shrink): per layer, or globally with a per-layer floor. The target density is of all the selected
 * layers' weights, so a layer already sparser than the target stays as it is.
 */
final class ScoreSelection {
  private ScoreSelection() {}

  static Masks layerwise(Model model, List<PrunableLayer> layers, Map<String, float[]> scores, PruningTarget target) {
    Map<String, Mask> out = new LinkedHashMap<>();
    for (PrunableLayer p : layers) {
      Mask current = LayerSelection.currentMask(model, p);
      long k = target.keep(current.size());
      out.put(p.weightName(), new Mask(p.weightShape(), TopK.largest(scores.get(p.weightName()), current.keep(), k)));
    }
    return new Masks(out);
  }

  static Masks global(Model model, List<PrunableLayer> layers, Map<String, float[]> scores, PruningTarget target,
      double floor) {
    long total = 0;
    long reserved = 0;
    Map<String, boolean[]> floorKeep = new LinkedHashMap<>();
    for (PrunableLayer p : layers) {
      Mask current = LayerSelection.currentMask(model, p);
      total += current.size();
      long f = Math.min(current.kept(), (long) Math.ceil(floor * current.size()));
      boolean[] keep = TopK.largest(scores.get(p.weightName()), current.keep(), f);
      floorKeep.put(p.weightName(), keep);
      reserved += f;
    }
    long budget = Math.max(0, target.keep(total) - reserved);
    // rank the remaining eligible weights of all layers together
    int n = (int) total;
    float[] all = new float[n];
    boolean[] eligible = new boolean[n];
    int off = 0;
    for (PrunableLayer p : layers) {
      float[] s = scores.get(p.weightName());
      boolean[] cur = LayerSelection.currentMask(model, p).keep();
      boolean[] fl = floorKeep.get(p.weightName());
      for (int i = 0; i < s.length; i++) {
        all[off + i] = s[i];
        eligible[off + i] = cur[i] && !fl[i];
      }
      off += s.length;
    }
    boolean[] chosen = TopK.largest(all, eligible, budget);
    Map<String, Mask> out = new LinkedHashMap<>();
    off = 0;
    for (PrunableLayer p : layers) {
      boolean[] fl = floorKeep.get(p.weightName());
      boolean[] keep = new boolean[fl.length];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = fl[i] || chosen[off + i];
      }
      off += keep.length;
      out.put(p.weightName(), new Mask(p.weightShape(), keep));
    }
    return new Masks(out);
  }
}
